package org.example.restaurant.cashier;

import org.example.restaurant.platform.outbox.OutboxContract;

/**
 * The platform's outbox on the cashier's own event publication table.
 */
@CashierServiceTest
class OutboxTests extends OutboxContract {

}
