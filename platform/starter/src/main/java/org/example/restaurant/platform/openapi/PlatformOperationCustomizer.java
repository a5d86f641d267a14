package org.example.restaurant.platform.openapi;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.example.restaurant.platform.idempotency.IdempotencyKey;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What the platform adds to each operation of a service's description:
 * <ul>
 * <li>who may call it, read from its method security ({@link AccessRule}) and the
 * service's {@code restaurant.security.public-paths}: a sentence of the description and a
 * security requirement on the bearer scheme, naming the roles (OpenAPI 3.1 lets a
 * requirement of a non-OAuth2 scheme list role names);</li>
 * <li>the {@code Idempotency-Key} header where the operation reads it;</li>
 * <li>the problem+json answers the operation may give, by its shape, where it does not
 * describe them itself: 400 when it takes parameters or a body, 401 and 403 when it needs
 * a token, 404 when a path names a resource, 409 for a change that needs a token (an
 * illegal transition, an id that exists, a concurrent change) and for a key still in
 * progress, 422 where {@code Idempotency-Key} is honoured (the key reused; the two
 * operations that honour it are also the ones the business may refuse), 503 for every
 * operation (the service's database, or a service it asks, cannot be reached).</li>
 * </ul>
 */
class PlatformOperationCustomizer implements GlobalOperationCustomizer {

	static final String STAFF_TOKEN = "staff-token";

	static final String SERVICE_TOKEN = "service-token";

	static final String PROBLEM_REF = "#/components/schemas/" + PlatformOpenApiCustomizer.PROBLEM;

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final Set<RequestMethod> READS = Set.of(RequestMethod.GET, RequestMethod.HEAD,
			RequestMethod.OPTIONS);

	private final List<Access> publicPaths;

	private final Supplier<RequestMappingHandlerMapping> mappings;

	private final Map<Method, RequestMappingInfo> infos = new ConcurrentHashMap<>();

	PlatformOperationCustomizer(List<String> publicPaths, Supplier<RequestMappingHandlerMapping> mappings) {
		this.publicPaths = publicPaths.stream().map(Access::parse).toList();
		this.mappings = mappings;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		RequestMappingInfo info = info(handler);
		Set<String> paths = (info != null) ? info.getPatternValues() : Set.of();
		Set<RequestMethod> methods = (info != null) ? info.getMethodsCondition().getMethods() : Set.of();
		AccessRule rule = AccessRule.of(handler.getMethod());
		boolean staffPath = paths.stream().noneMatch((path) -> path.startsWith("/internal/"));
		boolean open = !paths.isEmpty() && paths.stream().allMatch((path) -> isPublic(path, methods))
				&& (rule.kind() == AccessRule.Kind.NONE || rule.kind() == AccessRule.Kind.ANYONE);
		boolean idempotent = readsIdempotencyKey(handler);
		boolean change = !methods.isEmpty() && methods.stream().noneMatch(READS::contains);

		operation.setDescription(join(operation.getDescription(), rule.describe(!open, staffPath)));
		if (!open) {
			String scheme = (rule.kind() == AccessRule.Kind.SCOPES || !staffPath) ? SERVICE_TOKEN : STAFF_TOKEN;
			operation.addSecurityItem(new SecurityRequirement().addList(scheme, rule.names()));
		}
		if (idempotent) {
			describeIdempotencyKey(operation);
		}

		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
				|| operation.getRequestBody() != null;
		boolean namesResource = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> "path".equals(parameter.getIn()));
		if (takesInput) {
			responses.putIfAbsent("400", problem("Invalid request: a field, parameter or header is not valid,"
					+ " or the body is not the JSON asked for; `errors` names each field at fault."));
		}
		if (!open) {
			responses.putIfAbsent("401",
					problem("Not signed in: no token, or one that is not valid (expired, wrong signature or issuer).")
						.addHeaderObject("WWW-Authenticate", header("`Bearer`, with `error=\"invalid_token\"`"
								+ " and a description for a token that is not valid.")));
			responses.putIfAbsent("403", problem("Not allowed: the token's roles or scopes do not open this call."));
		}
		if (namesResource) {
			responses.putIfAbsent("404", problem("Not found: nothing has the id in the path."));
		}
		if ((change && !open) || idempotent) {
			responses.putIfAbsent("409", problem("Conflict: the request does not fit the resource's state"
					+ " (an illegal transition, an id that exists); `Concurrent change` when another request changed"
					+ " it at the same moment; `Request with this key in progress` while the first request with its"
					+ " Idempotency-Key still runs."));
		}
		if (idempotent) {
			responses.putIfAbsent("422", problem("Request refused: well formed, but the business refuses it;"
					+ " `Idempotency-Key reused` when the key was used for another request."));
		}
		responses.putIfAbsent("503",
				problem("Service unavailable: the service's database, or a service it must ask, cannot be reached;"
						+ " try again after `Retry-After`.")
					.addHeaderObject("Retry-After", header("Seconds to wait before trying again.")));
		operation.setResponses(responses);
		return operation;
	}

	private RequestMappingInfo info(HandlerMethod handler) {
		if (this.infos.isEmpty()) {
			this.mappings.get()
				.getHandlerMethods()
				.forEach((mapping, method) -> this.infos.put(method.getMethod(), mapping));
		}
		return this.infos.get(handler.getMethod());
	}

	private boolean isPublic(String path, Set<RequestMethod> methods) {
		PathContainer container = PathContainer.parsePath(path);
		return this.publicPaths.stream()
			.anyMatch((access) -> access.pattern().matches(container) && (access.method() == null
					|| (!methods.isEmpty() && methods.stream().allMatch((m) -> m.asHttpMethod() == access.method()))));
	}

	private static boolean readsIdempotencyKey(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
			if (header != null && (IdempotentRequests.HEADER.equalsIgnoreCase(header.name())
					|| IdempotentRequests.HEADER.equalsIgnoreCase(header.value()))) {
				return true;
			}
		}
		return false;
	}

	private static void describeIdempotencyKey(Operation operation) {
		Parameter key = (operation.getParameters() == null) ? null
				: operation.getParameters()
					.stream()
					.filter((parameter) -> "header".equals(parameter.getIn())
							&& IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName()))
					.findFirst()
					.orElse(null);
		if (key == null) {
			key = new HeaderParameter().name(IdempotentRequests.HEADER).required(false);
			operation.addParametersItem(key);
		}
		Schema<String> value = new Schema<>();
		value.addType("string");
		value.setMinLength(1);
		value.setMaxLength(IdempotencyKey.MAX_LENGTH);
		value.setPattern("^[\\x20-\\x7E]+$");
		key.setSchema(value);
		key.setExample("8e03978e-40d5-43e8-bc93-6894a57f9324");
		key.setDescription("A key the client makes up for this one request (a UUID will do), after"
				+ " draft-ietf-httpapi-idempotency-key-header: 1 to " + IdempotencyKey.MAX_LENGTH
				+ " printable ASCII characters, bare or as a quoted string. Sent again with the same"
				+ " request, it returns the first response (`Idempotent-Replayed: true`) and does"
				+ " nothing again; with another request it is refused (422 `Idempotency-Key reused`);"
				+ " while the first request with it still runs, 409. Without it the request is not idempotent.");
	}

	private static ApiResponse problem(String description) {
		Schema<Object> problem = new Schema<>();
		problem.set$ref(PROBLEM_REF);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
	}

	private static Header header(String description) {
		Schema<String> text = new Schema<>();
		text.addType("string");
		return new Header().description(description).schema(text);
	}

	private static String join(String description, String sentence) {
		return (description == null || description.isBlank()) ? sentence : description + "\n\n" + sentence;
	}

	/**
	 * One entry of {@code restaurant.security.public-paths}.
	 *
	 * @param method the method it is limited to, {@code null} for all
	 * @param pattern the path pattern
	 */
	record Access(HttpMethod method, PathPattern pattern) {

		static Access parse(String entry) {
			String[] parts = entry.trim().split("\\s+", 2);
			return (parts.length == 2) ? new Access(HttpMethod.valueOf(parts[0]), path(parts[1]))
					: new Access(null, path(parts[0]));
		}

		private static PathPattern path(String pattern) {
			return PathPatternParser.defaultInstance.parse(pattern);
		}

	}

}
