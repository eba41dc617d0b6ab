package dev.poolcalc.providers;

import java.util.List;
import java.util.Objects;

/** Sizes of one kind that a team moves between by resizing, smallest first. */
public record Family(String name, List<Instance> instances) {

  public Family {
    Objects.requireNonNull(name, "name");
    instances = List.copyOf(instances);
  }
}
