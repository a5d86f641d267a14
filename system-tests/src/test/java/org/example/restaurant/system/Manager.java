package org.example.restaurant.system;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manager of a running {@link Restaurant}, signed in with the {@code MANAGER} role
 * (who may do everything staff may do): here, the staff list.
 *
 * @param restaurant the restaurant
 * @param staff who the manager is, for a raw call as them
 */
record Manager(Restaurant restaurant, Staff staff) implements Desk {

	/**
	 * Adds a member of staff ({@code POST /api/staff}; it must be accepted, 201) and
	 * returns them, not yet signed in.
	 */
	Staff add(String staffNumber, String name, String pin, Staff.Role... roles) {
		Desk.ok(tryAdd(staffNumber, name, pin, roles), 201);
		return new Staff(this.restaurant, staffNumber, pin);
	}

	/** Adds a member of staff, whatever the answer. */
	Restaurant.Response tryAdd(String staffNumber, String name, String pin, Staff.Role... roles) {
		ObjectNode person = Restaurant.json.createObjectNode()
			.put("staffNumber", staffNumber)
			.put("name", name)
			.put("pin", pin);
		ArrayNode granted = person.putArray("roles");
		for (Staff.Role role : roles) {
			granted.add(role.name());
		}
		return post("/api/staff", Restaurant.json.writeValueAsString(person));
	}

	/** The staff list ({@code GET /api/staff}). */
	List<Member> staffList() {
		return readList("/api/staff", Member.class);
	}

	/** A member of staff as the API shows them. */
	record Member(String staffNumber, String name, List<String> roles, boolean active) {
	}

}
