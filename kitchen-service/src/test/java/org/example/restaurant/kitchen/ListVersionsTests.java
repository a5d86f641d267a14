package org.example.restaurant.kitchen;

import org.example.restaurant.platform.polling.ListVersionsContract;

/**
 * The version of the kitchen's polled list (the tickets) on its own schema, which all
 * replicas share.
 */
class ListVersionsTests extends ListVersionsContract {

}
