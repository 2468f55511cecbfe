# wirewatch: one image for every role (worker, beat, flower, metrics); the command picks the role.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --create-home --uid 10001 wirewatch
WORKDIR /app
COPY pyproject.toml README.md ./
COPY config ./config
COPY tasks ./tasks
COPY workers ./workers
RUN pip install ".[ner]"
USER wirewatch
ENV WIREWATCH_DATA_DIR=/home/wirewatch/data
ENTRYPOINT ["wirewatch"]
CMD ["worker"]
