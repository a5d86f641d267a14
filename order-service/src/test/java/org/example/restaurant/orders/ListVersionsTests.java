package org.example.restaurant.orders;

import org.example.restaurant.platform.polling.ListVersionsContract;

/**
 * The versions of the order-service's polled lists (the menu and the orders) on its own
 * schema.
 */
class ListVersionsTests extends ListVersionsContract {

}
