package org.example.restaurant.platform.outbox;

import java.util.function.Consumer;
import java.util.function.Function;

import org.example.restaurant.platform.test.LoadBalancedClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseActions;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

/**
 * The contract of a service's client for one message its outbox sends to another service,
 * by the platform's {@link Delivery} rule: the client throws {@link DeliveryFailed}, so
 * that the outbox sends the message again, when the receiver answers "not yet" (404, 409)
 * or fails (5xx), and returns when the receiver refuses the message with another 4xx,
 * which no re-sending could mend. A service extends it for each message, with the client
 * as its production code builds it (on a load-balanced {@link RestClient.Builder}), where
 * the message goes, and how the client sends it.
 *
 * @param <C> the type of the client
 */
public abstract class DeliveryContract<C> {

	/**
	 * The receiving service, every instance of it.
	 */
	protected final MockRestServiceServer receiver;

	/**
	 * The client under test.
	 */
	protected final C client;

	private final String messageUrl;

	private final Consumer<C> send;

	/**
	 * @param client how the client is made from its builder, such as
	 * {@code OrderServiceClient::new}
	 * @param messageUrl where the message goes, by the receiver's name, such as
	 * {@code http://order-service/internal/orders/<id>/paid}
	 * @param send how the client sends the message
	 */
	protected DeliveryContract(Function<RestClient.Builder, C> client, String messageUrl, Consumer<C> send) {
		LoadBalancedClients.Mocked<C> mocked = LoadBalancedClients.mock(client);
		this.receiver = mocked.server();
		this.client = mocked.client();
		this.messageUrl = messageUrl;
		this.send = send;
	}

	/**
	 * Expects the message at its URL, by {@code POST}.
	 * @return what the test expects further of the message, and how to answer it
	 */
	protected ResponseActions expectTheMessage() {
		return this.receiver.expect(requestTo(this.messageUrl)).andExpect(method(HttpMethod.POST));
	}

	/**
	 * Sends the message through the client.
	 */
	protected void sendTheMessage() {
		this.send.accept(this.client);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = HttpStatus.class,
			names = { "NOT_FOUND", "CONFLICT", "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE" })
	public void throwsSoTheMessageIsSentAgainWhenTheReceiverCannotTakeItYet(HttpStatus answer) {
		expectTheMessage().andRespond(withStatus(answer).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{}"));

		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(this::sendTheMessage)
			.havingCause()
			.isInstanceOf(answer.is4xxClientError() ? HttpClientErrorException.class : HttpServerErrorException.class)
			.isInstanceOfSatisfying(HttpStatusCodeException.class,
					(cause) -> assertThat(cause.getStatusCode().value()).isEqualTo(answer.value()));
	}

	@Test
	public void givesUpOnAMessageTheReceiverCanNeverAccept() {
		expectTheMessage()
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{}"));

		assertThatNoException().isThrownBy(this::sendTheMessage);
		this.receiver.verify();
	}

}
