package org.example.restaurant.system;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff at one desk of a running {@link Restaurant}, signed in: the waiter on
 * the floor ({@link Waiter}), the cook at the kitchen display ({@link Kitchen}), the
 * cashier at the till ({@link Till}), the manager ({@link Manager}). Every call from the
 * desk goes through the gateway as that person; the drivers are records of the two, and
 * their typed steps are made of these calls.
 */
interface Desk {

	/** The restaurant the desk stands in. */
	Restaurant restaurant();

	/** Who is at the desk: each call is made as them, with their token. */
	Staff staff();

	/** A GET as the person at the desk, whatever the answer. */
	default Restaurant.Response get(String path) {
		return restaurant().get(path, staff());
	}

	/** A JSON POST as the person at the desk, whatever the answer. */
	default Restaurant.Response post(String path, String body) {
		return restaurant().post(path, body, staff());
	}

	/** A GET that must answer 200: the body read into a record. */
	default <T> T read(String path, Class<T> type) {
		return ok(get(path), 200).as(type);
	}

	/**
	 * A GET that must answer 200: the body, a JSON array, read into a list of records.
	 */
	default <T> List<T> readList(String path, Class<T> type) {
		return ok(get(path), 200).asListOf(type);
	}

	/** Asserts the status of an answer (explained by the answer), and returns it. */
	static Restaurant.Response ok(Restaurant.Response response, int status) {
		assertThat(response.status()).as(response.describe()).isEqualTo(status);
		return response;
	}

}
