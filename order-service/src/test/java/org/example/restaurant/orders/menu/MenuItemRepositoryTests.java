package org.example.restaurant.orders.menu;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
class MenuItemRepositoryTests {

	@Autowired
	private MenuItemRepository menu;

	@Autowired
	private TestEntityManager entities;

	@Test
	void opensWithASeededMenuOfAtLeastTwelveItemsInAllFourCategories() {
		List<MenuItem> items = this.menu.findAllByOrderByCreatedAtAscIdAsc();

		assertThat(items).hasSizeGreaterThanOrEqualTo(12);
		assertThat(items).extracting(MenuItem::getCategory).containsOnly(MenuCategory.values());
		assertThat(items).allSatisfy((item) -> {
			assertThat(item.getId()).matches("[a-z0-9-]{1,40}");
			assertThat(item.getPrice().scale()).isEqualTo(2);
			assertThat(item.getPrice()).isPositive().isLessThan(new BigDecimal("10000"));
			assertThat(item.isAvailable()).isTrue();
		});
	}

	@Test
	void seedsRealisticPrepTimes() {
		List<MenuItem> items = this.menu.findAllByOrderByCreatedAtAscIdAsc();

		assertThat(items).filteredOn((item) -> item.getCategory() == MenuCategory.DRINK)
			.extracting(MenuItem::getPrepSeconds)
			.allSatisfy((seconds) -> assertThat(seconds).isBetween(30, 60));
		assertThat(items).filteredOn((item) -> item.getCategory() == MenuCategory.MAIN)
			.extracting(MenuItem::getPrepSeconds)
			.allSatisfy((seconds) -> assertThat(seconds).isBetween(300, 900));
	}

	@Test
	void listsTheSeededMenuInSeedOrderAndNewItemsLast() {
		this.menu.saveAndFlush(
				new MenuItem("affogato", "Affogato", MenuCategory.DESSERT, new BigDecimal("5.50"), 60, Instant.now()));

		List<String> ids = this.menu.findAllByOrderByCreatedAtAscIdAsc().stream().map(MenuItem::getId).toList();

		assertThat(ids).startsWith("bruschetta", "soup-of-the-day", "calamari", "margherita").endsWith("affogato");
	}

	@Test
	void filtersByAvailability() {
		MenuItem tiramisu = this.menu.findById("tiramisu").orElseThrow();
		tiramisu.changeAvailability(false);
		this.menu.saveAndFlush(tiramisu);

		assertThat(this.menu.findByAvailableOrderByCreatedAtAscIdAsc(true)).extracting(MenuItem::getId)
			.doesNotContain("tiramisu")
			.contains("margherita");
		assertThat(this.menu.findByAvailableOrderByCreatedAtAscIdAsc(false)).extracting(MenuItem::getId)
			.containsExactly("tiramisu");
	}

	@Test
	void refusesAnEditBasedOnAStaleCopy() {
		MenuItem stale = this.menu.findById("espresso").orElseThrow();
		this.entities.detach(stale);
		MenuItem current = this.menu.findById("espresso").orElseThrow();
		current.revise("Ristretto", current.getCategory(), current.getPrice(), 30);
		this.menu.saveAndFlush(current);

		stale.changeAvailability(false);

		assertThatExceptionOfType(ObjectOptimisticLockingFailureException.class)
			.isThrownBy(() -> this.menu.saveAndFlush(stale));
	}

}
