package org.example.restaurant.platform.security;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/**
 * A service's own credentials on its calls to other services: the OAuth2 client
 * credentials grant at the staff-service, the token kept and used until shortly before it
 * expires (Spring Security's client credentials provider renews it a minute early), then
 * a new one. Not tied to a request or a person: the outbox sends from its own threads,
 * and a call made while a waiter's request runs is still the service's.
 * <p>
 * No token to be had (the staff-service down, a secret refused) is an I/O error of the
 * call, like a receiver that cannot be reached: the outbox keeps the message and sends it
 * again; a synchronous caller answers 503. A 401 from the receiver drops the kept token,
 * so the next attempt asks for a new one (after a key rotation, say).
 */
public final class ServiceCredentials implements ClientHttpRequestInterceptor {

	static final String REGISTRATION_ID = "restaurant";

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	private final OAuth2AuthorizedClientService authorizedClients;

	private final Authentication principal;

	private final ClientRegistration registration;

	/**
	 * @param registration the service's client at the staff-service
	 * @param tokenClient the client the token endpoint is called with (load-balanced in a
	 * service); it needs the form and token response converters, see
	 * {@link RestClientClientCredentialsTokenResponseClient}
	 */
	public ServiceCredentials(ClientRegistration registration, RestClient tokenClient) {
		this.registration = registration;
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		this.authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);
		RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
		tokens.setRestClient(tokenClient);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, this.authorizedClients);
		this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((credentials) -> credentials.accessTokenResponseClient(tokens))
			.build());
		this.principal = UsernamePasswordAuthenticationToken.unauthenticated(registration.getClientId(), null);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getHeaders().setBearerAuth(token());
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
			this.authorizedClients.removeAuthorizedClient(REGISTRATION_ID, this.principal.getName());
		}
		return response;
	}

	private String token() throws IOException {
		OAuth2AuthorizedClient client;
		try {
			client = this.manager.authorize(
					OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(this.principal).build());
		}
		catch (RuntimeException ex) {
			throw new IOException("No service token for " + this.registration.getClientId() + " from "
					+ this.registration.getProviderDetails().getTokenUri() + ": " + ex.getMessage(), ex);
		}
		if (client == null) {
			throw new IOException("No service token for " + this.registration.getClientId());
		}
		return client.getAccessToken().getTokenValue();
	}

}
