package dev.poolcalc.config;

import dev.poolcalc.engine.ManagedPooler;
import dev.poolcalc.engine.ManagedPooler.CatalogSetting;
import dev.poolcalc.engine.PoolMode;
import dev.poolcalc.engine.PoolerKind;
import dev.poolcalc.providers.Catalog;
import dev.poolcalc.providers.Pooler;
import dev.poolcalc.providers.Provider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A pooler with {@code managed: true}: the provider's own (Supabase's Supavisor, Neon's PgBouncer),
 * whose settings the file leaves out come from the catalog for database.instance. A value written
 * in the file wins. The key is explicit rather than inferred from the kind, because a team may run
 * its own PgBouncer in front of a managed server: that one keeps PgBouncer's own defaults.
 */
final class ProviderPoolers {

  /**
   * What the database section gave: whether it names a provider, the size it names (empty after a
   * problem there, or for a provider without verified numbers), and the server's max_connections.
   */
  record Server(Optional<ProviderKeys.Choice> choice, OptionalLong maxConnections) {

    static final Server NONE = new Server(Optional.empty(), OptionalLong.empty());

    Server {
      Objects.requireNonNull(choice, "choice");
      Objects.requireNonNull(maxConnections, "maxConnections");
    }
  }

  /**
   * The catalog's settings for one managed pooler on this server.
   *
   * @param poolSize server connections per pair: supavisor's pool_size, pgbouncer's
   *     default_pool_size; empty where the provider documents none
   * @param poolDerivation how poolSize follows from max_connections, when it does
   */
  record Given(
      String provider,
      String instance,
      Optional<PoolMode> poolMode,
      OptionalLong maxClientConn,
      OptionalLong poolSize,
      Optional<String> poolDerivation,
      String source,
      LocalDate verified) {

    /** Where each of the pooler's catalog numbers came from, given what the file wrote. */
    ManagedPooler provenance(
        PoolerKind kind,
        Optional<PoolMode> writtenMode,
        OptionalLong writtenClients,
        OptionalLong writtenPool) {
      List<CatalogSetting> settings = new ArrayList<>();
      poolMode.ifPresent(
          m ->
              settings.add(
                  new CatalogSetting(
                      "pool_mode", m.key(), Optional.empty(), writtenMode.map(PoolMode::key))));
      if (maxClientConn.isPresent()) {
        settings.add(
            new CatalogSetting(
                "max_client_conn",
                Long.toString(maxClientConn.getAsLong()),
                Optional.empty(),
                text(writtenClients)));
      }
      if (poolSize.isPresent()) {
        settings.add(
            new CatalogSetting(
                poolKey(kind),
                Long.toString(poolSize.getAsLong()),
                poolDerivation,
                text(writtenPool)));
      }
      return new ManagedPooler(provider, instance, settings, source, verified);
    }

    private static Optional<String> text(OptionalLong value) {
      return value.isPresent() ? Optional.of(Long.toString(value.getAsLong())) : Optional.empty();
    }
  }

  private ProviderPoolers() {}

  /** The key that holds a kind's server connections per pair. */
  static String poolKey(PoolerKind kind) {
    return kind == PoolerKind.SUPAVISOR ? "pool_size" : "default_pool_size";
  }

  /**
   * The catalog's settings for pooler {@code p} of {@code kind}; empty, with the problem recorded
   * at the pooler, when the database names no size whose provider runs a pooler of that kind.
   */
  static Optional<Given> given(
      Fields p, PoolerKind kind, Server server, Supplier<Catalog> catalog) {
    if (server.choice().isEmpty()) {
      p.problem(
          PoolerKeys.MANAGED,
          String.format(
              "%s needs database.provider and database.instance naming a size the catalog"
                  + " knows: it takes the pooler's numbers for that size (the catalog knows %s)",
              p.pathOf(PoolerKeys.MANAGED), known(catalog.get())));
      return Optional.empty();
    }
    ProviderKeys.Choice choice = server.choice().get();
    Provider provider = choice.provider();
    if (provider.pooler().isEmpty()) {
      p.problem(
          PoolerKeys.MANAGED,
          String.format(
              "%s: the catalog knows no pooler that %s runs (it knows %s); remove managed and"
                  + " write the pooler's settings",
              p.pathOf(PoolerKeys.MANAGED), provider.name(), known(catalog.get())));
      return Optional.empty();
    }
    Pooler pooler = provider.pooler().get();
    if (!pooler.kind().equals(kind.key())) {
      p.problem(
          "kind",
          String.format(
              "%s is %s, but %s's own pooler is %s: set kind: %s, or remove managed for a"
                  + " pooler of your own",
              p.pathOf("kind"), kind.key(), provider.name(), pooler.kind(), pooler.kind()));
      return Optional.empty();
    }
    OptionalLong clients = choice.instance().poolerMaxClients();
    if (clients.isEmpty()) {
      clients = pooler.maxClientConnections();
    }
    OptionalLong pool = OptionalLong.empty();
    Optional<String> derivation = Optional.empty();
    if (pooler.poolSizePercent().isPresent() && server.maxConnections().isPresent()) {
      long max = server.maxConnections().getAsLong();
      pool = pooler.poolSize(max);
      derivation =
          Optional.of(
              String.format("floor(%d × %d / 100)", max, pooler.poolSizePercent().getAsInt()));
    }
    return Optional.of(
        new Given(
            provider.name(),
            choice.instance().name(),
            pooler.poolMode().flatMap(PoolMode::byKey),
            clients,
            pool,
            derivation,
            pooler.source(),
            pooler.verified()));
  }

  /** "supabase's supavisor and neon's pgbouncer": the providers whose pooler the catalog knows. */
  private static String known(Catalog catalog) {
    List<String> known =
        catalog.providers().stream()
            .filter(pr -> pr.pooler().isPresent())
            .map(pr -> pr.name() + "'s " + pr.pooler().get().kind())
            .toList();
    return known.isEmpty() ? "none" : String.join(" and ", known);
  }
}
