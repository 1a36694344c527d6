-- Network bytes/s, measured for task pods on Kubernetes from their network namespace's counters.
INSERT INTO resources (id, name, unit) VALUES
    (5, 'network_receive_bytes_per_second', 'bytes/s'),
    (6, 'network_transmit_bytes_per_second', 'bytes/s');
