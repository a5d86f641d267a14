package org.example.restaurant.orders.menu;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.example.restaurant.platform.money.Money;

/**
 * An item on the menu, identified by a short slug such as {@code margherita}. Orders copy
 * its name, price and prep time when they are placed, so changing an item never changes
 * an order that already exists.
 *
 * <p>
 * The menu lists oldest first: by {@code createdAt}, then by id. The seeded items carry
 * increasing creation times so they list in the order of the seed script.
 */
@Entity
@Table(name = "menu_items")
public class MenuItem {

	@Id
	private String id;

	private String name;

	@Enumerated(EnumType.STRING)
	private MenuCategory category;

	private BigDecimal price;

	private int prepSeconds;

	private boolean available;

	private Instant createdAt;

	/**
	 * Optimistic lock; also makes a new item (version {@code null}) be inserted rather
	 * than merged, so two creations of the same id cannot silently overwrite each other.
	 */
	@Version
	private Long version;

	protected MenuItem() {
	}

	/**
	 * A new item, available at once.
	 * @param id the slug
	 * @param name the name printed on the menu
	 * @param category the category
	 * @param price the price, normalized to cents
	 * @param prepSeconds how long the kitchen needs for one
	 * @param createdAt when it was put on the menu (kept to the microsecond, as the
	 * database keeps it; the menu lists items in this order)
	 */
	public MenuItem(String id, String name, MenuCategory category, BigDecimal price, int prepSeconds,
			Instant createdAt) {
		this.id = Objects.requireNonNull(id, "id must not be null");
		this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
		this.available = true;
		revise(name, category, price, prepSeconds);
	}

	/**
	 * Replaces what the menu says about this item; availability stays as it is.
	 * @param name the new name
	 * @param category the new category
	 * @param price the new price, normalized to cents
	 * @param prepSeconds the new prep time
	 */
	public void revise(String name, MenuCategory category, BigDecimal price, int prepSeconds) {
		if (price.signum() <= 0) {
			throw new IllegalArgumentException("price must be positive");
		}
		if (prepSeconds <= 0) {
			throw new IllegalArgumentException("prepSeconds must be positive");
		}
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.category = Objects.requireNonNull(category, "category must not be null");
		this.price = Money.of(price);
		this.prepSeconds = prepSeconds;
	}

	/**
	 * Takes the item off (86 it) or puts it back on.
	 * @param available whether guests can order it
	 */
	public void changeAvailability(boolean available) {
		this.available = available;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public MenuCategory getCategory() {
		return this.category;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public int getPrepSeconds() {
		return this.prepSeconds;
	}

	public boolean isAvailable() {
		return this.available;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
