package org.example.restaurant.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * What the platform adds to the whole of a service's description: the title (the
 * service's name) and version, one server {@code /} (the gateway's origin, whatever port
 * the service runs on), the bearer schemes of the staff's and the services' tokens, and
 * the one problem+json shape of every error (docs/api.md, "Errors").
 *
 * @param title the service's name
 * @param version the service's version
 */
record PlatformOpenApiCustomizer(String title, String version) implements GlobalOpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String FIELD_PROBLEM = "FieldProblem";

	@Override
	public void customise(OpenAPI openApi) {
		Info info = (openApi.getInfo() != null) ? openApi.getInfo() : new Info();
		openApi.info(info.title(this.title)
			.version(this.version)
			.description("The " + this.title + " of the restaurant (docs/api.md), reached through the gateway."
					+ " Each operation says who may call it; errors are application/problem+json, one shape"
					+ " everywhere (`" + PROBLEM + "`). The error answers listed are those an operation of its kind"
					+ " may give (by its parameters, its token and whether it changes something), not a promise"
					+ " that each one occurs."));
		openApi.servers(List.of(new Server().url("/").description("The gateway")));
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.components(components);
		components.addSecuritySchemes(PlatformOperationCustomizer.STAFF_TOKEN,
				bearerToken("A staff member's access token, from `POST /api/staff/login`; the roles a call"
						+ " needs are listed with it."));
		if (uses(openApi, PlatformOperationCustomizer.SERVICE_TOKEN)) {
			components.addSecuritySchemes(PlatformOperationCustomizer.SERVICE_TOKEN,
					bearerToken("A service's own token (OAuth2 client credentials at the staff-service's"
							+ " `/oauth2/token`); the scopes a call needs are listed with it."));
		}
		components.addSchemas(FIELD_PROBLEM,
				object("One field, query parameter or header at fault",
						Map.of("field",
								text("Its path, such as `items[0].quantity`, a parameter or header name, or `body`"),
								"message", text("What is wrong with it")),
						List.of("field", "message")));
		Map<String, Schema<?>> problem = new LinkedHashMap<>();
		Schema<Object> status = new Schema<>();
		status.addType("integer");
		status.setFormat("int32");
		status.setDescription("The HTTP status");
		problem.put("status", status);
		problem.put("title", text("The same title for the same kind of failure everywhere, such as `Not found`"));
		problem.put("detail", text("A sentence a person can act on"));
		problem.put("instance", text("The request's path"));
		Schema<Object> errors = new Schema<>();
		errors.addType("array");
		errors.setDescription("For bad input (400): each field at fault");
		Schema<Object> item = new Schema<>();
		item.set$ref("#/components/schemas/" + FIELD_PROBLEM);
		errors.setItems(item);
		problem.put("errors", errors);
		Schema<Object> shape = object("An error, application/problem+json (RFC 9457). Some problems add facts of"
				+ " their own, such as `orderId` or `balanceDue`.", problem, List.of("status", "title"));
		shape.setAdditionalProperties(true);
		components.addSchemas(PROBLEM, shape);
	}

	private static boolean uses(OpenAPI openApi, String scheme) {
		if (openApi.getPaths() == null) {
			return false;
		}
		return openApi.getPaths()
			.values()
			.stream()
			.flatMap((path) -> path.readOperations().stream())
			.map(Operation::getSecurity)
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.anyMatch((requirement) -> requirement.containsKey(scheme));
	}

	private static Schema<Object> object(String description, Map<String, Schema<?>> properties, List<String> required) {
		Schema<Object> schema = new Schema<>();
		schema.addType("object");
		schema.setDescription(description);
		schema.setProperties(new LinkedHashMap<>(properties));
		schema.setRequired(required);
		return schema;
	}

	private static Schema<?> text(String description) {
		Schema<String> schema = new Schema<>();
		schema.addType("string");
		schema.setDescription(description);
		return schema;
	}

	private static SecurityScheme bearerToken(String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description(description);
	}

}
