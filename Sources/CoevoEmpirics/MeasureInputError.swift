/// Bad input to `coevo measure`: the description is one line naming the file, the line or key,
/// what was expected and what was found. The CLI prints it and exits with status 2.
public struct MeasureInputError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
