import Glibc

/// One file to read: the path to open, and the path that ids derive from.
public struct InputFile: Sendable, Hashable, Codable {
  /// The path as the user named it: the input argument joined with the path inside it.
  public var path: String
  /// The path relative to the parent folder of the input argument that found it,
  /// so that ids do not depend on where the corpus folder sits.
  public var relativePath: String

  public init(path: String, relativePath: String) {
    self.path = path
    self.relativePath = relativePath
  }
}

extension Reader {
  /// Expands the user's input paths: files as given, folders recursively; sorted by
  /// path (byte-wise order of the path string, so it is stable across machines and
  /// locales); hidden files and folders (name starting with ".") skipped inside
  /// folders. A path that does not exist or cannot be listed becomes a
  /// `ReadFailure` and the run goes on.
  public func inputFiles(_ paths: [String]) -> (files: [InputFile], failures: [ReadFailure]) {
    var tree = InputTree()
    for path in paths { tree.add(argument: path) }
    var seen = Set<String>()
    let files = tree.files.filter { seen.insert($0.path).inserted }
    return (InputTree.sortedByPathBytes(files), tree.failures)
  }
}

/// The walk over the user's input paths. Uses POSIX calls directly: the error
/// texts are the OS's own, and nothing is resolved or sorted by locale.
struct InputTree {
  private(set) var files: [InputFile] = []
  private(set) var failures: [ReadFailure] = []

  mutating func add(argument: String) {
    let base = InputTree.baseName(of: argument)
    guard let status = FileStatus(path: argument) else {
      fail(path: argument, relativePath: base, message: "cannot read: \(PlainInput.systemError())")
      return
    }
    if status.isFolder {
      walk(
        folder: InputTree.trimmingSlashes(argument), relativePath: base,
        ancestors: [status.identity])
    } else if status.isRegularFile {
      files.append(InputFile(path: argument, relativePath: base))
    } else {
      fail(path: argument, relativePath: base, message: "not a regular file or folder")
    }
  }

  /// Adds the files below `folder`, depth first. `ancestors` holds the folders
  /// on the way down, so that a symbolic link back up is not followed forever.
  private mutating func walk(
    folder: String, relativePath: String, ancestors: Set<FileStatus.Identity>
  ) {
    let names: [String]
    switch FolderListing.names(in: folder) {
    case .success(let listed): names = listed
    case .failure(let error):
      fail(
        path: folder, relativePath: relativePath,
        message: "cannot list the folder: \(error.message)")
      return
    }
    for name in names where !name.hasPrefix(".") {
      add(
        entry: InputTree.join(folder, name), relativePath: InputTree.join(relativePath, name),
        ancestors: ancestors)
    }
  }

  private mutating func add(
    entry path: String, relativePath: String, ancestors: Set<FileStatus.Identity>
  ) {
    guard let status = FileStatus(path: path) else {
      let reason = FileStatus.isDanglingLink(path) ? "broken symbolic link" : "cannot read"
      fail(
        path: path, relativePath: relativePath, message: "\(reason): \(PlainInput.systemError())")
      return
    }
    if status.isFolder {
      guard !ancestors.contains(status.identity) else {
        fail(
          path: path, relativePath: relativePath,
          message: "symbolic link loop: the folder contains itself")
        return
      }
      walk(folder: path, relativePath: relativePath, ancestors: ancestors.union([status.identity]))
    } else if status.isRegularFile {
      files.append(InputFile(path: path, relativePath: relativePath))
    }
  }

  private mutating func fail(path: String, relativePath: String, message: String) {
    failures.append(
      ReadFailure(
        id: DocumentID.derived(relativePath: relativePath), location: SourceLocation(path: path),
        message: message))
  }

  /// The name of the argument's last component: `data/` → `data`, `x/y.txt` →
  /// `y.txt`. For `.`, `..` and the like, the real folder's name (empty for `/`).
  static func baseName(of argument: String) -> String {
    let trimmed = trimmingSlashes(argument)
    let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
    guard last.isEmpty || last == "." || last == ".." else { return last }
    guard let resolved = realpath(argument, nil) else { return last }
    defer { free(resolved) }
    return String(cString: resolved).split(separator: "/").last.map(String.init) ?? ""
  }

  /// Sorted by the bytes of the path, compared as arrays (much faster than
  /// comparing `String.UTF8View`s, which matters for a crawl of many files).
  static func sortedByPathBytes(_ files: [InputFile]) -> [InputFile] {
    files.map { (key: Array($0.path.utf8), file: $0) }
      .sorted { $0.key.lexicographicallyPrecedes($1.key) }
      .map(\.file)
  }

  static func trimmingSlashes(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  static func join(_ folder: String, _ name: String) -> String {
    if folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}

/// What `stat` says about a path (following symbolic links).
struct FileStatus {
  /// Device and inode: the same folder reached by two paths has one identity.
  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  let isFolder: Bool
  let isRegularFile: Bool
  let identity: Identity
  /// Size in bytes.
  let size: Int

  /// Nil when the path cannot be stat'ed; `errno` says why.
  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    isFolder = (status.st_mode & S_IFMT) == S_IFDIR
    isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
    identity = Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    size = Int(status.st_size)
  }

  /// True for a symbolic link whose target does not exist. Keeps `errno` as it was.
  static func isDanglingLink(_ path: String) -> Bool {
    let saved = errno
    defer { errno = saved }
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
  }
}

/// The entry names of one folder, as `readdir` gives them.
enum FolderListing {
  static func names(in folder: String) -> Result<[String], InputError> {
    guard let handle = opendir(folder) else {
      return .failure(InputError(message: PlainInput.systemError()))
    }
    defer { closedir(handle) }
    var names: [String] = []
    while true {
      errno = 0
      guard let entry = readdir(handle) else { break }
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(
          to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)
        ) {
          String(cString: $0)
        }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    if errno != 0 { return .failure(InputError(message: PlainInput.systemError())) }
    return .success(names)
  }
}
