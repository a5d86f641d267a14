/**
 * Lists that the front-of-house screens poll, answered cheaply (docs/api.md, "Polling"):
 * each list has a version in the database that goes up with every change, its
 * {@code ETag}; a poll with the current one ({@code If-None-Match}) is answered
 * {@code 304 Not Modified} without reading the list. Switched on by
 * {@code restaurant.polling.enabled=true} with the service's lists in
 * {@code restaurant.polling.lists} ({@link PollingAutoConfiguration}).
 */
package org.example.restaurant.platform.polling;
