package org.example.restaurant.kitchen;

import org.example.restaurant.platform.outbox.OutboxContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform's outbox on the kitchen's own event publication table.
 */
@SpringBootTest(properties = "kitchen.auto-cook=false")
@ActiveProfiles("test")
class OutboxTests extends OutboxContract {

}
