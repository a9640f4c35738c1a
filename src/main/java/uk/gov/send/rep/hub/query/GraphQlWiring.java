package uk.gov.send.rep.hub.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The custom scalars of the schema and the mapping of client errors to GraphQL errors; public so
 * that GraphQL slice tests can import it.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlWiring {

    /** ISO-8601 calendar date, e.g. {@code 2024-09-01}. */
    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
        .name("Date")
        .description("A calendar date in ISO-8601 form, e.g. 2024-09-01.")
        .coercing(new Coercing<LocalDate, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof LocalDate date) {
                    return date.toString();
                }
                throw new CoercingSerializeException("Not a date: " + value);
            }

            @Override
            public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                return parse(String.valueOf(input), CoercingParseValueException::new);
            }

            @Override
            public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                if (input instanceof StringValue string) {
                    return parse(string.getValue(), CoercingParseLiteralException::new);
                }
                throw new CoercingParseLiteralException("Expected a date string such as \"2024-09-01\"");
            }
        })
        .build();

    private static <X extends RuntimeException> LocalDate parse(String text,
            java.util.function.Function<String, X> error) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException notDate) {
            throw error.apply("'" + text + "' is not a date in ISO-8601 form such as \"2024-09-01\"");
        }
    }

    /** {@code Count}: a count as a number, or the symbol {@code c} when suppressed; output only. */
    public static final GraphQLScalarType COUNT = GraphQLScalarType.newScalar()
        .name("Count")
        .description("A count of rows, or the symbol c when suppressed")
        .coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof Number number) {
                    return number.longValue();
                }
                if (Suppression.SYMBOL.equals(value)) {
                    return value;
                }
                throw new CoercingSerializeException("a Count is a number or \"c\", not " + value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                throw new CoercingParseValueException("Count is an output type only");
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                throw new CoercingParseLiteralException("Count is an output type only");
            }
        })
        .build();

    @Bean
    RuntimeWiringConfigurer hubScalars() {
        return wiring -> wiring.scalar(DATE).scalar(COUNT);
    }

    // Before the limits' catch-all (query.limits.ErrorMasking, last), which masks what is left.
    @Bean
    @Order(0)
    DataFetcherExceptionResolver clientErrors() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof InvalidArgumentException invalid) {
                    return GraphqlErrorBuilder.newError(env)
                        .errorType(ErrorType.BAD_REQUEST)
                        .message(invalid.getMessage())
                        .extensions(java.util.Map.of("argument", invalid.argument()))
                        .build();
                }
                if (ex instanceof AccessRefusedException refused) {
                    return GraphqlErrorBuilder.newError(env)
                        .errorType(ErrorType.FORBIDDEN)
                        .message(refused.getMessage())
                        .extensions(java.util.Map.of("role", refused.role()))
                        .build();
                }
                return null;
            }
        };
    }
}
