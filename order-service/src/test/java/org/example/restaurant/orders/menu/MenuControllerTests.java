package org.example.restaurant.orders.menu;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.example.restaurant.platform.polling.ListVersions;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.platform.test.ConditionalResults.current;
import static org.example.restaurant.platform.test.ConditionalResults.notModified;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MenuController.class)
@WithMockUser(username = "901", roles = "MANAGER")
class MenuControllerTests {

	private static final String CALAMARI = """
			{"id": "calamari-fritti", "name": "Calamari Fritti", "category": "STARTER",
			 "price": 8.9, "prepSeconds": 480}
			""";

	@Autowired
	private MockMvc mvc;

	// real default methods (require), stubbed finders
	@MockitoBean(answers = Answers.CALLS_REAL_METHODS)
	private MenuItemRepository menu;

	@MockitoBean
	private ListVersions versions;

	@BeforeEach
	void saveReturnsTheItem() {
		given(this.menu.saveAndFlush(any(MenuItem.class))).willAnswer((invocation) -> invocation.getArgument(0));
	}

	@Test
	void listsTheMenuWithTheFieldsOfTheContract() throws Exception {
		given(this.menu.findAllByOrderByCreatedAtAscIdAsc())
			.willReturn(List.of(MenuItems.margherita(), MenuItems.offTheMenu(MenuItems.espresso())));

		this.mvc.perform(get("/api/menu"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json("""
					[{"id": "margherita", "name": "Pizza Margherita", "category": "MAIN", "price": 9.50,
					  "prepSeconds": 600, "available": true},
					 {"id": "espresso", "name": "Espresso", "category": "DRINK", "price": 2.40,
					  "prepSeconds": 45, "available": false}]
					""", JsonCompareMode.STRICT))
			.andExpect(content().string(containsString("\"price\":9.50")));
	}

	@Test
	void listsOnlyAvailableItemsWhenAsked() throws Exception {
		given(this.menu.findByAvailableOrderByCreatedAtAscIdAsc(true)).willReturn(List.of(MenuItems.margherita()));

		this.mvc.perform(get("/api/menu").param("available", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value("margherita"));
	}

	@Test
	@WithAnonymousUser
	void answersAPollOfTheMenuWithItsVersionAndNotModifiedWithoutReadingItWhileItHolds() throws Exception {
		given(this.versions.current(MenuController.POLLED_LIST)).willReturn(7L);
		given(this.menu.findAllByOrderByCreatedAtAscIdAsc()).willReturn(List.of(MenuItems.margherita()));

		this.mvc.perform(get("/api/menu"))
			.andExpect(current("\"menu-7\""))
			.andExpect(header().stringValues("Cache-Control", "no-cache"))
			.andExpect(jsonPath("$[0].id").value("margherita"));
		clearInvocations(this.menu);

		this.mvc.perform(get("/api/menu").header("If-None-Match", "\"menu-7\"")).andExpect(notModified("\"menu-7\""));
		verifyNoInteractions(this.menu);

		given(this.versions.current(MenuController.POLLED_LIST)).willReturn(8L);
		this.mvc.perform(get("/api/menu").header("If-None-Match", "\"menu-7\""))
			.andExpect(current("\"menu-8\""))
			.andExpect(jsonPath("$[0].id").value("margherita"));
	}

	@Test
	void movesTheMenusVersionOnEveryChangeAndNotOnARefusedOne() throws Exception {
		given(this.menu.findById("tiramisu")).willReturn(Optional.of(MenuItems.tiramisu()));
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content(CALAMARI))
			.andExpect(status().isCreated());
		this.mvc.perform(put("/api/menu/tiramisu").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Tiramisu della casa", "category": "DESSERT", "price": 7, "prepSeconds": 60}
				""")).andExpect(status().isOk());
		this.mvc.perform(patch("/api/menu/tiramisu").contentType(MediaType.APPLICATION_JSON).content("""
				{"available": false}
				""")).andExpect(status().isOk());
		verify(this.versions, times(3)).changed(MenuController.POLLED_LIST);

		given(this.menu.existsById("calamari-fritti")).willReturn(true);
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content(CALAMARI))
			.andExpect(status().isConflict());
		verify(this.versions, times(3)).changed(MenuController.POLLED_LIST);
	}

	@Test
	void showsOneItem() throws Exception {
		given(this.menu.findById("tiramisu")).willReturn(Optional.of(MenuItems.tiramisu()));

		this.mvc.perform(get("/api/menu/tiramisu"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Tiramisu"))
			.andExpect(jsonPath("$.category").value("DESSERT"));
	}

	@Test
	void answersAProblemForAnUnknownItem() throws Exception {
		given(this.menu.findById("pizza-hawaii")).willReturn(Optional.empty());

		this.mvc.perform(get("/api/menu/pizza-hawaii"))
			.andExpect(problem(HttpStatus.NOT_FOUND))
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value(containsString("pizza-hawaii")))
			.andExpect(jsonPath("$.menuItemId").value("pizza-hawaii"));
	}

	@Test
	void addsAnItemAndSaysWhereItLives() throws Exception {
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content(CALAMARI))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/menu/calamari-fritti"))
			.andExpect(jsonPath("$.id").value("calamari-fritti"))
			.andExpect(jsonPath("$.available").value(true))
			.andExpect(content().string(containsString("\"price\":8.90")));

		ArgumentCaptor<MenuItem> saved = ArgumentCaptor.forClass(MenuItem.class);
		verify(this.menu).saveAndFlush(saved.capture());
		assertThat(saved.getValue().getPrepSeconds()).isEqualTo(480);
		assertThat(saved.getValue().getPrice()).hasToString("8.90");
	}

	@Test
	void refusesAnIdThatIsTaken() throws Exception {
		given(this.menu.existsById("calamari-fritti")).willReturn(true);

		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content(CALAMARI))
			.andExpect(problem(HttpStatus.CONFLICT, "calamari-fritti"));
		verify(this.menu, never()).saveAndFlush(any());
	}

	@Test
	void refusesAnIdTakenByAConcurrentRequest() throws Exception {
		given(this.menu.saveAndFlush(any(MenuItem.class))).willThrow(new DataIntegrityViolationException("pk"));

		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content(CALAMARI))
			.andExpect(problem(HttpStatus.CONFLICT));
	}

	@Test
	void namesEveryInvalidFieldOfANewItem() throws Exception {
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "Not A Slug!", "name": "", "category": "MAIN", "price": 0, "prepSeconds": 7201}
				"""))
			.andExpect(problem(HttpStatus.BAD_REQUEST))
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("id", "name", "price", "prepSeconds")))
			.andExpect(jsonPath("$.detail").value(containsString("'prepSeconds'")))
			.andExpect(jsonPath("$.detail").value(containsString("'id'")));
		verify(this.menu, never()).saveAndFlush(any());
	}

	@Test
	void refusesAPriceWithMoreThanTwoDecimals() throws Exception {
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "gelato-xl", "name": "Gelato XL", "category": "DESSERT", "price": 6.999, "prepSeconds": 60}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("price"));
	}

	@Test
	void refusesAPriceOfTenThousandOrMore() throws Exception {
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "caviar", "name": "Caviar", "category": "STARTER", "price": 10000.00, "prepSeconds": 60}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("price")));
	}

	@Test
	void namesTheFieldWithAnUnknownCategory() throws Exception {
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "soup", "name": "Soup", "category": "SOUP", "price": 5.00, "prepSeconds": 60}
				"""))
			.andExpect(problem(HttpStatus.BAD_REQUEST))
			.andExpect(jsonPath("$.errors[0].field").value("category"))
			.andExpect(jsonPath("$.detail").value(containsString("STARTER, MAIN, DESSERT, DRINK")));
	}

	@Test
	void answersAProblemForMalformedJson() throws Exception {
		this.mvc.perform(post("/api/menu").contentType(MediaType.APPLICATION_JSON).content("{\"id\": "))
			.andExpect(problem(HttpStatus.BAD_REQUEST, "JSON"));
	}

	@Test
	void replacesNameCategoryPriceAndPrepTime() throws Exception {
		given(this.menu.findById("margherita")).willReturn(Optional.of(MenuItems.margherita()));

		this.mvc.perform(put("/api/menu/margherita").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Margherita DOP", "category": "MAIN", "price": 11, "prepSeconds": 660}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("margherita"))
			.andExpect(jsonPath("$.name").value("Margherita DOP"))
			.andExpect(jsonPath("$.prepSeconds").value(660))
			.andExpect(jsonPath("$.available").value(true))
			.andExpect(content().string(containsString("\"price\":11.00")));
	}

	@Test
	void refusesToReplaceAnUnknownItem() throws Exception {
		given(this.menu.findById("pizza-hawaii")).willReturn(Optional.empty());

		this.mvc.perform(put("/api/menu/pizza-hawaii").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Hawaii", "category": "MAIN", "price": 11, "prepSeconds": 660}
				""")).andExpect(problem(HttpStatus.NOT_FOUND));
	}

	@Test
	void takesAnItemOff() throws Exception {
		given(this.menu.findById("tiramisu")).willReturn(Optional.of(MenuItems.tiramisu()));

		this.mvc.perform(patch("/api/menu/tiramisu").contentType(MediaType.APPLICATION_JSON).content("""
				{"available": false}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.available").value(false))
			.andExpect(jsonPath("$.name").value("Tiramisu"));
	}

	@Test
	void namesTheMissingAvailability() throws Exception {
		this.mvc.perform(patch("/api/menu/tiramisu").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(problem(HttpStatus.BAD_REQUEST))
			.andExpect(jsonPath("$.errors[0].field").value("available"));
	}

}
