package uk.gov.send.rep.hub.query;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.springframework.stereotype.Component;

/**
 * Tells a request's {@link QueryCost} the name of the operation being executed, as the document
 * names it: clients often send a single named operation without the {@code operationName} field.
 */
@Component
class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        QueryCost cost = execution.getGraphQLContext().get(QueryCost.CONTEXT_KEY);
        if (cost != null) {
            cost.operationName(execution.getOperationDefinition().getName());
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
