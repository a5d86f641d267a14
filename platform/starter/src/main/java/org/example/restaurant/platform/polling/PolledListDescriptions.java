package org.example.restaurant.platform.polling;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the conditional requests of each {@link PolledList} operation in the
 * service's OpenAPI description (docs/api.md, "Polling").
 */
class PolledListDescriptions implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (!handler.hasMethodAnnotation(PolledList.class)) {
			return operation;
		}
		operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_NONE_MATCH)
			.required(false)
			.description("The `ETag` of the list the caller has (a browser sends it by itself when it checks"
					+ " its copy): while the list is still that one, the answer is 304 without a body.")
			.schema(new StringSchema()));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		ApiResponse ok = responses.get("200");
		if (ok != null) {
			ok.addHeaderObject(HttpHeaders.ETAG, etag());
			ok.addHeaderObject(HttpHeaders.CACHE_CONTROL, header("`no-cache` (`no-cache, private` for what only"
					+ " staff may read): keep the list, but ask with its `ETag` before using it again."));
		}
		responses.addApiResponse("304",
				new ApiResponse()
					.description(
							"Not modified: the list is still the one of the `ETag` in" + " `If-None-Match`; no body.")
					.addHeaderObject(HttpHeaders.ETAG, etag()));
		operation.setResponses(responses);
		return operation;
	}

	private static Header etag() {
		return header("The list's version, to send back as `If-None-Match` at the next poll.");
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new StringSchema());
	}

}
