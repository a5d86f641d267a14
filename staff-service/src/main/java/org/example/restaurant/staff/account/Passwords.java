package org.example.restaurant.staff.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one {@link PasswordEncoder} of the service, for PINs and for the client secrets the
 * authorization server checks: Spring Security's delegating encoder, bcrypt today, and
 * every hash prefixed with its algorithm ({@code {bcrypt}...}) so a later default can
 * still read it.
 */
@Configuration(proxyBeanMethods = false)
class Passwords {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
