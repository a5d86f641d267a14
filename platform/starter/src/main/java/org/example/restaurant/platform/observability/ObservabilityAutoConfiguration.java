package org.example.restaurant.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.example.restaurant.platform.instance.InstanceId;
import org.example.restaurant.platform.instance.InstanceIdAutoConfiguration;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What makes a service watchable (docs/observability.md): the {@code application} and
 * {@code instance_id} tags on every metric, the {@code X-Trace-Id} header on every
 * response, the {@code orderId} baggage, and the trace context kept with each outbox
 * message. Spring Boot does the rest from the platform's dependencies and defaults:
 * Prometheus at {@code /actuator/prometheus}, Brave traces in W3C format, reported to
 * Zipkin when {@code management.tracing.export.zipkin.enabled}.
 */
@AutoConfiguration(after = InstanceIdAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
public class ObservabilityAutoConfiguration {

	@Bean
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(InstanceId.class)
	MeterRegistryCustomizer<MeterRegistry> restaurantCommonTags(Environment environment, InstanceId instanceId) {
		String application = environment.getProperty("spring.application.name", "application");
		return (registry) -> registry.config()
			.commonTags("application", application, "instance_id", instanceId.value());
	}

	/**
	 * No trace (and no request metric) for the service's housekeeping: its Eureka
	 * client's calls to the registry (two a second) and the scrapes of its actuator. Each
	 * would be a trace of its own, burying the restaurant's in the trace viewer.
	 * @return the predicate
	 */
	@Bean
	ObservationPredicate housekeepingIsNotObserved() {
		return (name, context) -> {
			if (context instanceof ClientRequestObservationContext client && client.getCarrier() != null) {
				return !client.getCarrier().getURI().getPath().contains("/eureka/");
			}
			if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null) {
				return !server.getCarrier().getRequestURI().startsWith("/actuator/");
			}
			return true;
		};
	}

	@Bean
	@ConditionalOnClass(Tracer.class)
	@ConditionalOnBean(Tracer.class)
	OrderIdBaggage orderIdBaggage(Tracer tracer) {
		return new OrderIdBaggage(tracer);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletTracing {

		@Bean
		@ConditionalOnBean(Tracer.class)
		FilterRegistrationBean<TraceIdFilter> traceIdFilter(Tracer tracer) {
			FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(
					new TraceIdFilter(tracer));
			// inside Spring's server observation filter (HIGHEST_PRECEDENCE + 1), which
			// opens
			// the request's span, and before security, whose 401 must carry it too
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
			return registration;
		}

		@Bean
		@ConditionalOnBean(Tracer.class)
		WebMvcConfigurer orderIdFromPath(Tracer tracer) {
			OrderIdFromPath interceptor = new OrderIdFromPath(tracer);
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tracer.class, EventSerializer.class })
	static class OutboxTracing {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static OutboxTraceContexts outboxTraceContexts(ObjectProvider<Tracer> tracer,
				ObjectProvider<Propagator> propagator) {
			return new OutboxTraceContexts(tracer, propagator);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static BeanPostProcessor tracedEventSerializer(ObjectProvider<OutboxTraceContexts> contexts) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof EventSerializer serializer && !(bean instanceof TracedEventSerializer))
							? new TracedEventSerializer(serializer, contexts.getObject()) : bean;
				}
			};
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static Advisor outboxSendTracing(ObjectProvider<OutboxTraceContexts> contexts) {
			return new DefaultPointcutAdvisor(
					new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true),
					new OutboxSendTracing(contexts));
		}

	}

}
