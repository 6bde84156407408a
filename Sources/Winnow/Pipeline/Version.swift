/// This build of Winnow, as manifests and reports name it.
public enum Release {
  public static let version = "0.1.0"
}
