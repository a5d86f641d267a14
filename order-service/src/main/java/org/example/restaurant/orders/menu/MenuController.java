package org.example.restaurant.orders.menu;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import org.example.restaurant.orders.menu.MenuItemRequests.AvailabilityChange;
import org.example.restaurant.orders.menu.MenuItemRequests.MenuItemRevision;
import org.example.restaurant.orders.menu.MenuItemRequests.NewMenuItem;
import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.polling.Polled;
import org.example.restaurant.platform.polling.PolledList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The menu: read by everyone, changed by the front of house. Changes are guarded by the
 * item's version, so two concurrent edits cannot silently overwrite each other.
 */
@RestController
@RequestMapping("/api/menu")
class MenuController {

	private static final Logger log = LoggerFactory.getLogger(MenuController.class);

	/** The menu's name among the polled lists ({@code restaurant.polling.lists}). */
	static final String POLLED_LIST = "menu";

	private final MenuItemRepository menu;

	private final Clock clock;

	private final ListVersions versions;

	MenuController(MenuItemRepository menu, Clock clock, ListVersions versions) {
		this.menu = menu;
		this.clock = clock;
		this.versions = versions;
	}

	/**
	 * The menu, oldest first; a poll that has the current version gets 304
	 * ({@link Polled}).
	 */
	@GetMapping
	@PolledList
	ResponseEntity<List<MenuItemResponse>> list(@RequestParam(required = false) Boolean available, WebRequest request) {
		return Polled.answer(request, POLLED_LIST, this.versions.current(POLLED_LIST), Polled.ANYONE,
				() -> items(available).stream().map(MenuItemResponse::of).toList());
	}

	private List<MenuItem> items(Boolean available) {
		return (available != null) ? this.menu.findByAvailableOrderByCreatedAtAscIdAsc(available)
				: this.menu.findAllByOrderByCreatedAtAscIdAsc();
	}

	@GetMapping("/{id}")
	MenuItemResponse show(@PathVariable String id) {
		return MenuItemResponse.of(this.menu.require(id));
	}

	@PreAuthorize("hasRole('MANAGER')")
	@PostMapping
	@ApiResponse(responseCode = "201", description = "Added; Location names the item",
			content = @Content(schema = @Schema(implementation = MenuItemResponse.class)))
	ResponseEntity<MenuItemResponse> create(@Valid @RequestBody NewMenuItem request) {
		if (this.menu.existsById(request.id())) {
			throw new MenuItemAlreadyExists(request.id());
		}
		MenuItem item = new MenuItem(request.id(), request.name(), request.category(), request.price(),
				request.prepSeconds(), this.clock.instant());
		if (Boolean.FALSE.equals(request.available())) {
			item.changeAvailability(false);
		}
		try {
			item = this.menu.saveAndFlush(item);
		}
		catch (DataIntegrityViolationException ex) {
			// another request created the same id between the check and the insert
			throw new MenuItemAlreadyExists(request.id());
		}
		this.versions.changed(POLLED_LIST);
		log.info("Menu item {} added: {} {} at {}", item.getId(), item.getCategory(), item.getName(), item.getPrice());
		return ResponseEntity.created(URI.create("/api/menu/" + item.getId())).body(MenuItemResponse.of(item));
	}

	@PreAuthorize("hasRole('MANAGER')")
	@PutMapping("/{id}")
	MenuItemResponse revise(@PathVariable String id, @Valid @RequestBody MenuItemRevision request) {
		MenuItem item = this.menu.require(id);
		item.revise(request.name(), request.category(), request.price(), request.prepSeconds());
		item = this.menu.saveAndFlush(item);
		this.versions.changed(POLLED_LIST);
		log.info("Menu item {} revised: {} {} at {}, {} s", item.getId(), item.getCategory(), item.getName(),
				item.getPrice(), item.getPrepSeconds());
		return MenuItemResponse.of(item);
	}

	@PreAuthorize("hasRole('MANAGER')")
	@PatchMapping("/{id}")
	MenuItemResponse changeAvailability(@PathVariable String id, @Valid @RequestBody AvailabilityChange request) {
		MenuItem item = this.menu.require(id);
		item.changeAvailability(request.available());
		item = this.menu.saveAndFlush(item);
		this.versions.changed(POLLED_LIST);
		log.info("Menu item {} is {}", item.getId(), item.isAvailable() ? "back on" : "off (86'd)");
		return MenuItemResponse.of(item);
	}

}
