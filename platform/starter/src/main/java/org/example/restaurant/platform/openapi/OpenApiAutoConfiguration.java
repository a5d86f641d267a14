package org.example.restaurant.platform.openapi;

import org.example.restaurant.platform.security.SecuritySettings;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every service's OpenAPI 3.1 description at {@code /v3/api-docs} (springdoc-openapi),
 * open without a token, with what the platform knows about every operation: who may call
 * it, the problem+json answers, {@code Idempotency-Key} where honoured, one server
 * {@code /} (docs/observability.md, "API descriptions"). {@code /internal/**} is left out
 * ({@code springdoc.paths-to-exclude} in the platform's defaults): those calls are
 * between services (docs/internal-api.md), and the gateway never routes them. The
 * explorer is the gateway's.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ GlobalOpenApiCustomizer.class, RequestMappingHandlerMapping.class })
@EnableConfigurationProperties(SecuritySettings.class)
public class OpenApiAutoConfiguration {

	/** Where each service's description is published. */
	public static final String API_DOCS = "/v3/api-docs";

	@Bean
	PlatformOpenApiCustomizer platformOpenApiCustomizer(Environment environment) {
		return new PlatformOpenApiCustomizer(environment.getProperty("spring.application.name", "service"),
				environment.getProperty("spring.application.version", "unversioned"));
	}

	@Bean
	PlatformOperationCustomizer platformOperationCustomizer(SecuritySettings security,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return new PlatformOperationCustomizer(security.publicPaths(), mappings::getObject);
	}

}
