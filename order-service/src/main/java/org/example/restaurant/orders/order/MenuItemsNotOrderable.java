package org.example.restaurant.orders.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.example.restaurant.platform.problem.RefusalException;

/**
 * An order asked for items that do not exist or are off the menu; nothing was stored.
 */
public class MenuItemsNotOrderable extends RefusalException {

	private final List<String> unknown;

	private final List<String> unavailable;

	MenuItemsNotOrderable(List<String> unknown, List<String> unavailable) {
		super(describe(unknown, unavailable));
		this.unknown = List.copyOf(unknown);
		this.unavailable = List.copyOf(unavailable);
	}

	private static String describe(List<String> unknown, List<String> unavailable) {
		List<String> reasons = new ArrayList<>();
		if (!unknown.isEmpty()) {
			reasons.add("not on the menu: " + quoted(unknown));
		}
		if (!unavailable.isEmpty()) {
			reasons.add("not available now: " + quoted(unavailable));
		}
		return "Cannot take the order; menu items " + String.join("; ", reasons);
	}

	private static String quoted(List<String> ids) {
		return String.join(", ", ids.stream().map((id) -> "'" + id + "'").toList());
	}

	public List<String> getUnknown() {
		return this.unknown;
	}

	public List<String> getUnavailable() {
		return this.unavailable;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("unknownMenuItems", this.unknown, "unavailableMenuItems", this.unavailable);
	}

}
