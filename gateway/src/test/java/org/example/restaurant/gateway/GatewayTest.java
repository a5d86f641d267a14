package org.example.restaurant.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole gateway on a free port, with a {@code WebTestClient} to call it and no Eureka
 * client. The services behind it are the test class's static {@link RecordingStub} (and
 * {@link ServiceStubs}) fields, each an instance of the services it names, and the
 * {@link #dead} services, whose instance refuses every connection (a killed process); the
 * staff-service, unless the test names it, publishes the keys of {@link TestTokens}
 * ({@link StubServices#keys}). A service none of these stands for has no instance. Its
 * actuator is on a free port of its own ({@code @LocalManagementPort}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "management.server.port=0" })
// WebTestClient's own 5 s wait for an answer was seen to run out on a loaded CI machine
@AutoConfigureWebTestClient(timeout = "30s")
@ContextCustomizerFactories(StubbedServices.class)
public @interface GatewayTest {

	/**
	 * The services with an instance that refuses every connection, listed before the
	 * stubs of the same service.
	 * @return the services' names
	 */
	String[] dead() default {};

}
