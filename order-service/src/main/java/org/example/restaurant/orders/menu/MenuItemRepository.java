package org.example.restaurant.orders.menu;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The menu. Lists come oldest first (creation time, then id).
 */
public interface MenuItemRepository extends JpaRepository<MenuItem, String> {

	List<MenuItem> findAllByOrderByCreatedAtAscIdAsc();

	List<MenuItem> findByAvailableOrderByCreatedAtAscIdAsc(boolean available);

	/**
	 * The item with the given id.
	 * @param id the slug
	 * @return the item
	 * @throws MenuItemNotFound if there is none
	 */
	default MenuItem require(String id) {
		return findById(id).orElseThrow(() -> new MenuItemNotFound(id));
	}

}
