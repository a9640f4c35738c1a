package uk.gov.send.rep.hub.query.limits;

import java.util.List;

import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static graphql.Scalars.GraphQLString;
import static org.assertj.core.api.Assertions.assertThat;

/** What no other resolver handled: database limits named, everything else masked behind an id. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorMaskingTests {

    private final ErrorMasking masking = new ErrorMasking(LimitsTestSupport.defaults());

    private static DataFetchingEnvironment env() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
            .mergedField(MergedField.newMergedField(Field.newField("children").build()).build())
            .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(GraphQLString)
                .path(ResultPath.rootPath().segment("localArea").segment("children")).build())
            .build();
    }

    private GraphQLError resolve(Throwable failure) {
        List<GraphQLError> errors = masking.resolveException(failure, env()).block();
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    @Test
    void shouldGiveAnInternalErrorOnlyAnIdThatTheLogLineCarriesWithTheException(CapturedOutput output) {
        GraphQLError error = resolve(new IllegalStateException("MATCH (c:Child) secret internals"));
        String id = (String) error.getExtensions().get("errorId");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(error.getMessage()).isEqualTo("internal error " + id + " (quote this id to the hub's operators)");
        assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.toSpecification().toString()).doesNotContain("MATCH").doesNotContain("IllegalState");
        assertThat(output.getAll()).contains("Internal error " + id + " at /localArea/children")
            .contains("java.lang.IllegalStateException: MATCH (c:Child) secret internals")
            .contains("\tat ");
    }

    @Test
    void shouldNameTheTransactionTimeout() {
        ClientException timedOut = new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
            "The transaction has been terminated. MATCH (n) ...");
        GraphQLError error = resolve(new InvalidDataAccessResourceUsageException("wrapped", timedOut));
        assertThat(error.getErrorType()).isEqualTo(LimitExceededException.LIMIT_EXCEEDED);
        assertThat(error.getExtensions()).containsEntry("limit", "transaction-timeout").containsEntry("max", "10000ms");
        assertThat(error.getMessage()).doesNotContain("MATCH");
    }

    @Test
    void shouldNameTheTransactionMemoryLimit() {
        TransientException memory = new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
            "The allocation of an extra 2.0 MiB would use more than the limit 1.0 GiB.");
        GraphQLError error = resolve(new RuntimeException(memory));
        assertThat(error.getExtensions()).containsEntry("limit", "transaction-memory").containsEntry("max", "1g");
        assertThat(error.getMessage()).contains("hub.graphql.limits.transaction-memory 1g");
    }
}
