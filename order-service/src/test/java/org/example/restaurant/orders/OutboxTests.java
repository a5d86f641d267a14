package org.example.restaurant.orders;

import org.example.restaurant.platform.outbox.OutboxContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform's outbox on the order-service's own event publication table.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutboxTests extends OutboxContract {

}
