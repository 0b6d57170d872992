// bastion-fixture: src/main/java/com/acme/rest/MenuController.java
// ok: route-missing-auth-guard
@RestController
@RequestMapping("/api/menus")
public class MenuController {
  @GetMapping
  @PreAuthorize("@el.check('menu:list')")
  public List<Menu> list() { return menuService.findAll(); }

  @DeleteMapping("/{id}")
  @PreAuthorize("@el.check('menu:del')")
  public void delete(@PathVariable long id) { menuService.delete(id); }

  // The menus of whoever is logged in: no permission, but a user to ask about.
  @GetMapping("/build")
  public List<Menu> buildMenus() {
    return menuService.findByUser(SecurityUtils.getCurrentUserId());
  }

  @GetMapping("/mine")
  public List<Menu> mine(@AuthenticationPrincipal UserDetails me) {
    return menuService.findByUsername(me.getUsername());
  }
}
