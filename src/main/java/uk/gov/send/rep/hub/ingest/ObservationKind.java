package uk.gov.send.rep.hub.ingest;

/** What the kinds that write observations share: a name, a description and the observation statement of their subject. */
abstract class ObservationKind implements ImportKind {

    private final String name;
    private final String description;
    private final String statement;
    private final String createStatement;

    /**
     * @param label the subject's label and {@code key} its natural key property (constants, never input)
     */
    ObservationKind(String name, String description, String label, String key) {
        this.name = name;
        this.description = description;
        this.statement = ImportCypher.observations(label, key);
        this.createStatement = ImportCypher.newObservations(label, key);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public String createStatement() {
        return createStatement;
    }

    @Override
    public String existingKeys() {
        return ImportCypher.EXISTING_OBSERVATIONS;
    }
}
