package io.rightsize.orchestrator.api;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.rightsize.api.v1.CancelOrderRequest;
import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.GetCapacityRequest;
import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.ListOrdersResponse;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.OrderService;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.WatchOrderRequest;
import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderParser;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.OrderValidationException;
import io.rightsize.common.order.OrderValidator;
import io.rightsize.common.order.ValidOrder;
import io.rightsize.orchestrator.admission.Admission;
import io.rightsize.orchestrator.admission.UsageMeter;
import io.rightsize.orchestrator.cgroup.Enforcements;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.execution.OrderChange;
import io.rightsize.orchestrator.execution.OrderExecutor;
import io.rightsize.orchestrator.store.DatabaseOutages;
import io.rightsize.orchestrator.store.OrderStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** gRPC OrderService: refuses bad orders with the field and reason, and starts nothing for them. */
@GrpcService
public class OrderGrpcService implements OrderService {

    private static final Logger LOG = Logger.getLogger(OrderGrpcService.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final OrderStore store;
    private final OrderExecutor executor;
    private final OrderParser parser;
    private final OrderValidator validator;
    private final Admission admission;
    private final UsageMeter usage;
    private final Enforcements enforcements;

    public OrderGrpcService(OrderStore store, OrderExecutor executor, OrchestratorConfig config, Admission admission,
                            UsageMeter usage, Enforcements enforcements) {
        this.store = store;
        this.executor = executor;
        this.admission = admission;
        this.usage = usage;
        this.enforcements = enforcements;
        OrderLimits limits = OrderLimits.defaults(config.inputRoots());
        this.parser = new OrderParser(limits.maxJsonBytes());
        this.validator = new OrderValidator(limits);
    }

    @Override
    @Blocking
    public Uni<Order> submitOrder(SubmitOrderRequest request) {
        ValidOrder order;
        try {
            OrderSpec spec = switch (request.getSourceCase()) {
                case SPEC -> ProtoMapper.spec(request.getSpec());
                case ORDER_JSON -> parser.parse(request.getOrderJson());
                case SOURCE_NOT_SET -> throw new OrderValidationException("order", "give either spec or order_json");
            };
            Path baseDir = request.getBaseDir().isBlank() ? null : Path.of(request.getBaseDir());
            order = validator.validate(spec, baseDir);
        } catch (OrderValidationException e) {
            LOG.infof("order refused: %s", e.getMessage());
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("base_dir: " + e.getMessage()).asRuntimeException());
        }
        if (executor.stopping()) {
            return Uni.createFrom().failure(Status.UNAVAILABLE
                    .withDescription("the orchestrator is stopping; submit the order again once it is back")
                    .asRuntimeException());
        }
        OrderRecord stored;
        try {
            if (store.exists(order.id()).await().atMost(DB_TIMEOUT)) {
                return alreadyExists(order.id());
            }
            stored = insert(order);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isOutage(e)) {
                return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("the database is unreachable;"
                        + " the order was not accepted, submit it again shortly").asRuntimeException());
            }
            throw e;
        }
        if (stored == null) {
            return alreadyExists(order.id());
        }
        executor.submit(order, stored);
        LOG.infof("order %s accepted: %d tasks on %s", order.id(), order.tasks().size(), order.image());
        return Uni.createFrom().item(ProtoMapper.order(stored));
    }

    @Override
    public Uni<Order> getOrder(GetOrderRequest request) {
        return find(request.getId()).map(ProtoMapper::order);
    }

    @Override
    public Uni<ListOrdersResponse> listOrders(ListOrdersRequest request) {
        if (request.getLimit() < 0) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("limit: must not be negative").asRuntimeException());
        }
        int limit = request.getLimit() == 0 ? 100 : Math.min(request.getLimit(), 1000);
        return unavailableWhileDatabaseIsDown(store.list(limit)).map(orders -> ListOrdersResponse.newBuilder()
                .addAllOrders(orders.stream()
                        .map(o -> executor.snapshot(o.id()).orElse(o))
                        .map(ProtoMapper::order).toList())
                .build());
    }

    @Override
    public Multi<OrderEvent> watchOrder(WatchOrderRequest request) {
        String id = request.getId();
        return Multi.createFrom().emitter(emitter -> {
            Consumer<OrderChange> watcher = change -> {
                emitter.emit(OrderEvent.newBuilder()
                        .setOrder(ProtoMapper.order(change.order()))
                        .setTaskPosition(change.taskPosition())
                        .setMessage(change.message())
                        .build());
                if (change.order().state().isFinal()) {
                    emitter.complete();
                }
            };
            emitter.onTermination(() -> executor.unwatch(id, watcher));
            if (!executor.watch(id, watcher)) {
                find(id).subscribe().with(order -> {
                    emitter.emit(OrderEvent.newBuilder().setOrder(ProtoMapper.order(order)).setTaskPosition(-1)
                            .setMessage("current state").build());
                    emitter.complete();
                }, emitter::fail);
            }
        });
    }

    @Override
    @Blocking
    public Uni<Order> cancelOrder(CancelOrderRequest request) {
        String id = request.getId();
        if (executor.cancel(id)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && executor.snapshot(id).map(o -> !o.state().isFinal()).orElse(false)) {
                sleep();
            }
            return find(id).map(ProtoMapper::order);
        }
        return find(id).onItem().transform(order -> {
            throw Status.FAILED_PRECONDITION.withDescription("id: order '" + id + "' already ended "
                    + order.state()).asRuntimeException();
        });
    }

    @Override
    @Blocking
    public Uni<CapacityStatus> getCapacity(GetCapacityRequest request) {
        return Uni.createFrom().item(ProtoMapper.capacity(admission.snapshot(), usage.usedNow(),
                enforcements.current()));
    }

    private Uni<OrderRecord> find(String id) {
        try {
            validator.existingId(id);
        } catch (OrderValidationException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(e.getMessage())
                    .asRuntimeException());
        }
        return executor.snapshot(id).map(o -> Uni.createFrom().item(o))
                .orElseGet(() -> unavailableWhileDatabaseIsDown(store.find(id)).onItem().transform(found ->
                        found.orElseThrow(() -> Status.NOT_FOUND.withDescription("id: no order '" + id + "'")
                                .asRuntimeException())));
    }

    /** A read during a database outage answers UNAVAILABLE with what to do, never the driver's own text. */
    private static <T> Uni<T> unavailableWhileDatabaseIsDown(Uni<T> read) {
        return read.onFailure(DatabaseOutages::isOutage).transform(e -> Status.UNAVAILABLE
                .withDescription("the database is unreachable; orders in flight go on and are stored once it is"
                        + " back; try again shortly").asRuntimeException());
    }

    /** Stores a new order; null when another submission of the same id won the race. */
    private OrderRecord insert(ValidOrder order) {
        try {
            return store.insert(order, Instant.now()).await().atMost(DB_TIMEOUT);
        } catch (RuntimeException e) {
            if (store.exists(order.id()).await().atMost(DB_TIMEOUT)) {
                return null;
            }
            throw e;
        }
    }

    private static Uni<Order> alreadyExists(String id) {
        return Uni.createFrom().failure(Status.ALREADY_EXISTS
                .withDescription("id: an order '" + id + "' exists already").asRuntimeException());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
