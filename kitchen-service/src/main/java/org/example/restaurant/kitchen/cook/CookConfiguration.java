package org.example.restaurant.kitchen.cook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the {@link KitchenSettings}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KitchenSettings.class)
class CookConfiguration {

}
