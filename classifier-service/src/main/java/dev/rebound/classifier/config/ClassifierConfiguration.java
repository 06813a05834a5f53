package dev.rebound.classifier.config;

import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.RuleLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classifier, with the shipped rules and the user's rule file if one is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassifierProperties.class)
class ClassifierConfiguration {

    @Bean
    Classifier classifier(ClassifierProperties properties) {
        return new Classifier(RuleLoader.load(properties.rulesFile()));
    }
}
