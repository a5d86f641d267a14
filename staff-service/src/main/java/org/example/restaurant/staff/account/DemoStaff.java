package org.example.restaurant.staff.account;

import java.util.List;

/**
 * The demo staff of docs/api.md, made at start in the local demo only
 * ({@code staff.demo-staff}); their PINs are public, so never in a real restaurant.
 */
final class DemoStaff {

	static final List<Member> ALL = List.of(new Member("101", "Wendy", Role.WAITER, "1111"),
			new Member("201", "Carlos", Role.COOK, "2222"), new Member("301", "Cassie", Role.CASHIER, "3333"),
			new Member("901", "Maria", Role.MANAGER, "9999"));

	private DemoStaff() {
	}

	record Member(String number, String name, Role role, String pin) {

		@Override
		public String toString() {
			return this.number + " " + this.name + " (" + this.role + ")";
		}

	}

}
