package org.example.restaurant.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole gateway on a free port, with a {@code WebTestClient} to call it and no Eureka
 * client: the services behind it are the instances a test lists with
 * {@link StubServices#register}, and a service it lists none for has no instance. Its
 * actuator is on a free port of its own ({@code @LocalManagementPort}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "management.server.port=0" })
// WebTestClient's own 5 s wait for an answer was seen to run out on a loaded CI machine
@AutoConfigureWebTestClient(timeout = "30s")
public @interface GatewayTest {

}
