# The dashboard as a container. Build: docker build -t bin-dashboard .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm feeds LibMan (Leaflet and its plugins) during the build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN rm -rf wwwroot-libs/node_modules wwwroot-libs/wwwroot/lib \
 && dotnet publish src/Bin.Dashboard/Bin.Dashboard.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the container health check (docker-compose.yml probes /health/ready).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# SIGTERM (docker stop) is a clean stop: the dashboard finishes within Shutdown__Timeout.
STOPSIGNAL SIGTERM
USER $APP_UID
ENTRYPOINT ["dotnet", "Bin.Dashboard.dll"]
