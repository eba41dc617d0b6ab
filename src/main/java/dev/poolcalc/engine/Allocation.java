package dev.poolcalc.engine;

import java.util.List;
import java.util.Objects;

/**
 * A budget divided among a group of apps: how it was divided, and each app's share. The server's
 * budget among the apps that connect directly is one allocation; a pooler's client budget among the
 * apps behind it is another.
 *
 * @param split the numbers the division is made of
 * @param shares one per app, in the group's order
 */
public record Allocation(Split split, List<Share> shares) {

  public Allocation {
    Objects.requireNonNull(split, "split");
    shares = List.copyOf(shares);
  }

  /**
   * One app's part of an allocation.
   *
   * @param limit the connection_limit each of its pools gets
   * @param leftoverBonus 1 when the weighted split's leftover pass raised the limit
   */
  public record Share(long limit, LimitSource source, long leftoverBonus) {

    public Share {
      Objects.requireNonNull(source, "source");
    }
  }
}
