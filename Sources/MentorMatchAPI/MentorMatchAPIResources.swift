/// The OpenAPI document this module was generated from, compiled in, so the server serves exactly its contract.
package enum MentorMatchAPIResources {
    package static var document: [UInt8] { PackageResources.openapi_yaml }
}
