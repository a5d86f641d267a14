package org.example.restaurant.staff.account;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.example.restaurant.platform.security.TokenAuthorities;
import org.example.restaurant.staff.token.StaffTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.platform.test.ProblemResults.invalid;
import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff calls and who may make them: every operation for every role (allowed or 403),
 * without a token (401), with a bad one (401), and with a service token (403).
 */
@WebMvcTest(StaffController.class)
@Import({ Passwords.class, StaffManagement.class })
class StaffControllerTests {

	static final String NEW_STAFF = """
			{"staffNumber": "102", "name": "Walter", "roles": ["WAITER"], "pin": "4321"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StaffRepository staff;

	@MockitoBean
	SignIn signIn;

	@MockitoBean
	JwtDecoder jwtDecoder;

	@Test
	void signsInWithoutAToken() throws Exception {
		Staff wendy = StaffMembers.wendy();
		given(this.signIn.signIn("101", "1111"))
			.willReturn(new SignIn.SignedIn(wendy, new StaffTokens.Issued("the.jwt.value", Duration.ofMinutes(15))));

		this.mvc.perform(login("101", "1111"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.accessToken").value("the.jwt.value"))
			.andExpect(jsonPath("$.tokenType").value("Bearer"))
			.andExpect(jsonPath("$.expiresIn").value(900))
			.andExpect(jsonPath("$.staff.staffNumber").value("101"))
			.andExpect(jsonPath("$.staff.name").value("Wendy"))
			.andExpect(jsonPath("$.staff.roles[0]").value("WAITER"))
			.andExpect(jsonPath("$.staff.active").value(true))
			.andExpect(jsonPath("$.staff.pin").doesNotExist());
	}

	@Test
	void answersAFailedSignInWithNotSignedIn() throws Exception {
		given(this.signIn.signIn("101", "0000")).willThrow(new SignInRefused());

		this.mvc.perform(login("101", "0000"))
			.andExpect(problem(HttpStatus.UNAUTHORIZED))
			.andExpect(jsonPath("$.title").value("Not signed in"))
			.andExpect(jsonPath("$.instance").value("/api/staff/login"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
	}

	@Test
	void answersALockedNumberWithTooManyRequestsAndRetryAfter() throws Exception {
		given(this.signIn.signIn("101", "1111")).willThrow(new StaffNumberLocked(Duration.ofMillis(299_001)));

		this.mvc.perform(login("101", "1111"))
			.andExpect(problem(HttpStatus.TOO_MANY_REQUESTS, "300 seconds"))
			.andExpect(jsonPath("$.title").value("Too many requests"))
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "300"));
	}

	@Test
	void refusesASignInWithoutNumberOrPin() throws Exception {
		this.mvc.perform(post("/api/staff/login").contentType(MediaType.APPLICATION_JSON).content("{\"pin\": \"1\"}"))
			.andExpect(invalid("staffNumber"));
		this.mvc
			.perform(post("/api/staff/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"staffNumber\": \"1\"}"))
			.andExpect(invalid("pin"));
		then(this.signIn).shouldHaveNoInteractions();
	}

	@Test
	void letsAnyStaffReadThemselves() throws Exception {
		given(this.staff.findById("101")).willReturn(Optional.of(StaffMembers.wendy()));
		for (Role role : Role.values()) {
			this.mvc.perform(get("/api/staff/me").with(staff("101", role)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.staffNumber").value("101"));
		}
	}

	@Test
	void letsOnlyManagersListReadAddAndChangeStaff() throws Exception {
		given(this.staff.findAllByOrderByCreatedAtAscNumberAsc()).willReturn(List.of(StaffMembers.wendy()));
		given(this.staff.findById("101")).willReturn(Optional.of(StaffMembers.wendy()));
		given(this.staff.saveAndFlush(any())).willAnswer((call) -> call.getArgument(0));
		given(this.staff.save(any())).willAnswer((call) -> call.getArgument(0));

		for (Role role : List.of(Role.WAITER, Role.COOK, Role.CASHIER)) {
			this.mvc.perform(get("/api/staff").with(staff("101", role))).andExpect(notAllowed());
			this.mvc.perform(get("/api/staff/101").with(staff("101", role))).andExpect(notAllowed());
			this.mvc.perform(json(post("/api/staff"), NEW_STAFF).with(staff("101", role))).andExpect(notAllowed());
			this.mvc.perform(json(patch("/api/staff/101"), "{\"name\": \"W\"}").with(staff("101", role)))
				.andExpect(notAllowed());
		}
		then(this.staff).should(never()).saveAndFlush(any());
		then(this.staff).should(never()).save(any());

		this.mvc.perform(get("/api/staff").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].staffNumber").value("101"));
		this.mvc.perform(get("/api/staff/101").with(manager())).andExpect(status().isOk());
		this.mvc.perform(json(post("/api/staff"), NEW_STAFF).with(manager()))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/staff/102"))
			.andExpect(jsonPath("$.staffNumber").value("102"))
			.andExpect(jsonPath("$.name").value("Walter"))
			.andExpect(jsonPath("$.roles[0]").value("WAITER"))
			.andExpect(jsonPath("$.active").value(true));
		this.mvc.perform(json(patch("/api/staff/101"), "{\"name\": \"Wendy W.\"}").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Wendy W."));
	}

	@Test
	void refusesEveryStaffCallButTheSignInWithoutAToken() throws Exception {
		for (MockHttpServletRequestBuilder call : List.of(get("/api/staff/me"), get("/api/staff"),
				get("/api/staff/101"), json(post("/api/staff"), NEW_STAFF),
				json(patch("/api/staff/101"), "{\"name\": \"W\"}"))) {
			this.mvc.perform(call)
				.andExpect(problem(HttpStatus.UNAUTHORIZED))
				.andExpect(jsonPath("$.title").value("Not signed in"))
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
		}
		then(this.staff).shouldHaveNoInteractions();
	}

	@Test
	void refusesABadTokenWithInvalidToken() throws Exception {
		given(this.jwtDecoder.decode("forged")).willThrow(new BadJwtException("Signed JWT rejected"));

		this.mvc.perform(get("/api/staff/me").header(HttpHeaders.AUTHORIZATION, "Bearer forged"))
			.andExpect(problem(HttpStatus.UNAUTHORIZED))
			.andExpect(jsonPath("$.title").value("Not signed in"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_token\"")));
	}

	@Test
	void refusesAServiceTokenOnTheStaffCalls() throws Exception {
		JwtRequestPostProcessor service = jwt()
			.jwt((token) -> token.subject("order-service").claim("scope", "kitchen.tickets bills.open"))
			.authorities(StaffControllerTests::authorities);

		this.mvc.perform(get("/api/staff/me").with(service)).andExpect(notAllowed());
		this.mvc.perform(get("/api/staff").with(service)).andExpect(notAllowed());
	}

	@Test
	void refusesAnExistingNumber() throws Exception {
		given(this.staff.existsById("102")).willReturn(true);

		this.mvc.perform(json(post("/api/staff"), NEW_STAFF).with(manager()))
			.andExpect(problem(HttpStatus.CONFLICT, "102"))
			.andExpect(jsonPath("$.staffNumber").value("102"));
		then(this.staff).should(never()).saveAndFlush(any());
	}

	@Test
	void answersAnUnknownNumberWithNotFound() throws Exception {
		given(this.staff.findById("555")).willReturn(Optional.empty());

		this.mvc.perform(json(patch("/api/staff/555"), "{\"active\": false}").with(manager()))
			.andExpect(problem(HttpStatus.NOT_FOUND, "555"));
		this.mvc.perform(get("/api/staff/555").with(manager())).andExpect(problem(HttpStatus.NOT_FOUND, "555"));
	}

	@ParameterizedTest(name = "{2}: {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			"4321"     | "12"        | pin
			"4321"     | "123456789" | pin
			"102"      | "A2"        | staffNumber
			["WAITER"] | []          | roles
			["WAITER"] | ["CHEF"]    | roles[0]
			"Walter"   | " "         | name
			""")
	void namesTheFieldOfBadNewStaff(String good, String bad, String field) throws Exception {
		this.mvc.perform(json(post("/api/staff"), NEW_STAFF.replace(good, bad)).with(manager()))
			.andExpect(invalid(field));
		then(this.staff).should(never()).saveAndFlush(any());
	}

	@Test
	void changesRolesActivityAndPin() throws Exception {
		Staff wendy = StaffMembers.wendy();
		given(this.staff.findById("101")).willReturn(Optional.of(wendy));
		given(this.staff.save(any())).willAnswer((call) -> call.getArgument(0));

		this.mvc
			.perform(json(patch("/api/staff/101"),
					"{\"roles\": [\"WAITER\", \"CASHIER\"], \"active\": false, \"pin\": \"5555\"}")
				.with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("WAITER"))
			.andExpect(jsonPath("$.roles[1]").value("CASHIER"))
			.andExpect(jsonPath("$.active").value(false));

		assertThat(wendy.signIn("5555", StaffMembers.ENCODER, StaffTests.FIVE_FOR_FIVE_MINUTES, StaffMembers.HIRED_AT))
			.isEqualTo(SignInOutcome.INACTIVE);
	}

	@Test
	void namesTheFieldOfABadChange() throws Exception {
		given(this.staff.findById("101")).willReturn(Optional.of(StaffMembers.wendy()));

		this.mvc.perform(json(patch("/api/staff/101"), "{\"pin\": \"12\"}").with(manager())).andExpect(invalid("pin"));
		this.mvc.perform(json(patch("/api/staff/101"), "{\"roles\": []}").with(manager())).andExpect(invalid("roles"));
		this.mvc.perform(json(patch("/api/staff/101"), "{\"name\": \"  \"}").with(manager()))
			.andExpect(invalid("name"));
		this.mvc.perform(json(patch("/api/staff/101"), "{\"active\": 0}").with(manager())).andExpect(invalid("active"));
		then(this.staff).should(never()).save(any());
	}

	@Test
	void keepsAManagerFromDeactivatingThemselvesOrDroppingTheirManagerRole() throws Exception {
		given(this.staff.findById("901")).willReturn(Optional.of(StaffMembers.maria()));

		this.mvc.perform(json(patch("/api/staff/901"), "{\"active\": false}").with(manager()))
			.andExpect(problem(HttpStatus.CONFLICT, "another manager"));
		this.mvc.perform(json(patch("/api/staff/901"), "{\"roles\": [\"WAITER\"]}").with(manager()))
			.andExpect(problem(HttpStatus.CONFLICT));
		then(this.staff).should(never()).save(any());
	}

	static JwtRequestPostProcessor staff(String number, Role role) {
		return jwt().jwt((token) -> token.subject(number).claim("roles", List.of(role.name())))
			.authorities(StaffControllerTests::authorities);
	}

	/** The authorities the platform's resource server gives a token. */
	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		return new TokenAuthorities().convert(jwt).getAuthorities();
	}

	static JwtRequestPostProcessor manager() {
		return staff("901", Role.MANAGER);
	}

	static MockHttpServletRequestBuilder login(String number, String pin) {
		return json(post("/api/staff/login"), "{\"staffNumber\": \"" + number + "\", \"pin\": \"" + pin + "\"}");
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static org.springframework.test.web.servlet.ResultMatcher notAllowed() {
		return (result) -> {
			problem(HttpStatus.FORBIDDEN).match(result);
			jsonPath("$.title").value("Not allowed").match(result);
		};
	}

}
