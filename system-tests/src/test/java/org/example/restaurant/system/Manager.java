package org.example.restaurant.system;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manager of a running {@link Restaurant}, signed in with the {@code MANAGER} role
 * (who may do everything staff may do): here, the staff list.
 */
final class Manager {

	private final Restaurant restaurant;

	private final Staff staff;

	Manager(Restaurant restaurant, Staff staff) {
		this.restaurant = restaurant;
		this.staff = staff;
	}

	/** Who the manager is, for a raw call as them. */
	Staff staff() {
		return this.staff;
	}

	/**
	 * Adds a member of staff ({@code POST /api/staff}; it must be accepted, 201) and
	 * returns them, not yet signed in.
	 */
	Staff add(String staffNumber, String name, String pin, Staff.Role... roles) {
		Waiter.ok(tryAdd(staffNumber, name, pin, roles), 201);
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
		return this.restaurant.post("/api/staff", Restaurant.json.writeValueAsString(person), this.staff);
	}

	/** The staff list ({@code GET /api/staff}). */
	List<Member> staffList() {
		return Waiter.ok(this.restaurant.get("/api/staff", this.staff), 200).asListOf(Member.class);
	}

	/** A member of staff as the API shows them. */
	record Member(String staffNumber, String name, List<String> roles, boolean active) {
	}

}
