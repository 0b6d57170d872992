// bastion-fixture: src/main/java/assets/AssetController.java
// One `{name}` segment: the servlet container rejects an encoded `/` or `\` and resolves
// `..` before routing, so the name stays inside the folder.
@RestController
class AssetController {
  @GetMapping("/assets/{imageName}")
  byte[] image(@PathVariable("imageName") String imageName) throws IOException {
// ok: path-traversal
    return Files.readAllBytes(Paths.get(ASSET_DIR, imageName));
  }
}

@Path("/reports")
class ReportResource {
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) throws IOException {
    return Response.ok(Files.readAllBytes(Paths.get("/srv/reports", id + ".pdf"))).build();
  }
}
