// bastion-fixture: src/main/java/site/PageController.java
// `{*path}` captures the rest of the URL, slashes included; a JAX-RS template with a
// regular expression may span segments too.
@RestController
class DocsController {
  @GetMapping("/docs/{*path}")
  byte[] doc(@PathVariable("path") String path) throws IOException {
// expect: path-traversal
    return Files.readAllBytes(Paths.get(DOCS_DIR, path));
  }
}

@Path("/files")
class FileResource {
  @GET
  @Path("{name: .+}")
  public Response get(@PathParam("name") String name) throws IOException {
// expect: path-traversal
    return Response.ok(Files.readAllBytes(Paths.get("/srv/files", name))).build();
  }
}
