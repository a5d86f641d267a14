package org.example.restaurant.platform.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contract of a service's figures for the manager's screen ({@code GET
 * /api/<service>/figures}): only the manager may read them, and every service's figures
 * say when they were taken and how many outbox messages wait. A service's
 * {@code @WebMvcTest} extends it, signed in as the manager (such as
 * {@code @WithMockUser(roles = "MANAGER")}), names its path and what a refused call must
 * leave untouched, and checks its own figures after {@link #figuresOfNow(String, int)}.
 */
public abstract class FiguresContract {

	@Autowired
	protected MockMvc mvc;

	private final String path;

	/**
	 * @param path the path of the service's figures, such as {@code /api/orders/figures}
	 */
	protected FiguresContract(String path) {
		this.path = path;
	}

	/**
	 * The mocks a refused call must not touch: the figures, and where the service has a
	 * {@code /{id}} path beside its figures, what that path would read. Any staff member
	 * may read an id, so a 403 that touched neither says the literal path won.
	 * @return the mocks
	 */
	protected abstract Object[] untouchedByARefusal();

	@Test
	@WithMockUser(username = "101", roles = { "WAITER", "COOK", "CASHIER" })
	public void refusesEveryoneButTheManager() throws Exception {
		this.mvc.perform(get(this.path))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		verifyNoInteractions(untouchedByARefusal());
	}

	/**
	 * What every service's figures answer: 200, when they were taken, and how many
	 * messages its outbox still has to send.
	 * @param at the instant the figures were taken, as written in JSON
	 * @param outboxPending the outbox's pending messages
	 * @return the matcher
	 */
	protected static ResultMatcher figuresOfNow(String at, int outboxPending) {
		return (result) -> {
			status().isOk().match(result);
			jsonPath("$.at").value(at).match(result);
			jsonPath("$.outboxPending").value(outboxPending).match(result);
		};
	}

}
