// bastion-fixture: src/main/java/com/shop/OrderController.java
// ok: api-verb-in-path
@Controller
@RequestMapping("/orders")
public class OrderController {
    @PostMapping
    public Order create(@RequestBody Order order) { return service.place(order); }

    @DeleteMapping(value = "/{id}", produces = "application/json")
    public void remove(@PathVariable long id) { service.cancel(id); }

    @GetMapping("/delete/{id}")
    public String confirm(@PathVariable long id, Model model) {
        return "orders/confirm";
    }
}
