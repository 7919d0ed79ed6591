package dev.dualdb.system;

import org.bson.types.ObjectId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets routes take MongoDB ids as {@link ObjectId} path variables (a malformed one
 * becomes a 400), and makes JSON bodies strict ({@link StrictJson}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ObjectId.class, ObjectIdParser::parse);
    }

    @Bean
    static StrictJson strictJson() {
        return new StrictJson();
    }

}
