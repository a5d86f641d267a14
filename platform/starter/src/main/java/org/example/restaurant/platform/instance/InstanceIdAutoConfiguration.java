package org.example.restaurant.platform.instance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * This instance's id ({@link InstanceId}), and on a servlet service the
 * {@code X-Instance-Id} header on every response ({@link InstanceIdFilter}).
 */
@AutoConfiguration
@ConditionalOnClass(Registration.class)
public class InstanceIdAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InstanceId instanceId(ObjectProvider<Registration> registration, Environment environment) {
		return new InstanceId(registration, environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletHeader {

		@Bean
		FilterRegistrationBean<InstanceIdFilter> instanceIdFilter(InstanceId instanceId) {
			FilterRegistrationBean<InstanceIdFilter> registration = new FilterRegistrationBean<>(
					new InstanceIdFilter(instanceId));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
