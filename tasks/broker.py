"""The Redis broker transport, with one fix: a lost connection must not end the worker.

On a broker connection loss, Celery calls ``Connection.collect()`` (which drops the transport's
client) and then ``Connection.close()``; afterwards, acknowledgements of tasks that were running
still arrive for messages of the old channel. Both paths make kombu build a new connection pool
from a transport or client that is gone, and the resulting ``AttributeError`` ("'NoneType' object
has no attribute 'hostname'" / "'client'") is an Unrecoverable error that stops the worker
(kombu 5.7, Celery 5.7; seen in about one Redis restart in five during a batch).

Here a channel whose connection is gone raises a Redis ``ConnectionError`` instead, which kombu
and Celery handle as the connection error it is (logged, not fatal), and skips putting its
delivered-but-unacknowledged messages back on their queues: they are still in Redis's unacked
hash, and the visibility-timeout sweep redelivers them. A normal shutdown still restores them
at once.
"""

from __future__ import annotations

from typing import Any

import redis as redis_client
from kombu.transport import redis as kombu_redis


class Channel(kombu_redis.Channel):  # type: ignore[misc]
    def _connparams(self, asynchronous: bool = False) -> Any:
        if self.connection is None or getattr(self.connection, "client", None) is None:
            raise redis_client.exceptions.ConnectionError("broker channel closed: its connection is gone")
        return super()._connparams(asynchronous=asynchronous)

    def close(self) -> Any:
        if getattr(self.connection, "client", None) is None:
            self.do_restore = False
        return super().close()


class Transport(kombu_redis.Transport):  # type: ignore[misc]
    Channel = Channel
