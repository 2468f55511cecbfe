"""The Redis broker transport, with one fix: a lost connection must not end the worker.

On a broker connection loss, Celery calls ``Connection.collect()`` (which drops the transport's
client) and then ``Connection.close()``, whose channel close tries to put the worker's delivered
but unacknowledged messages back on their queues through a new connection pool built from that
client: ``AttributeError: 'NoneType' object has no attribute 'hostname'``, an "Unrecoverable
error" that stops the worker (kombu 5.7, Celery 5.7; seen in about one Redis restart in two
during a batch). Those messages need no restoring there: they are in Redis's unacked hash, and
the visibility-timeout sweep hands them out again. So the channel skips that restore when its
transport has no client any more; a normal shutdown still restores them at once.
"""

from __future__ import annotations

from typing import Any

from kombu.transport import redis


class Channel(redis.Channel):  # type: ignore[misc]
    def close(self) -> Any:
        if getattr(self.connection, "client", None) is None:
            self.do_restore = False
        return super().close()


class Transport(redis.Transport):  # type: ignore[misc]
    Channel = Channel
