# expect: LL005 4
FROM python:3.11-slim
COPY requirements.txt .
RUN pip install -r requirements.txt
