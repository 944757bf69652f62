export const id = 319;
export const ids = [319];
export const modules = {

/***/ 3319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Command: () => (/* reexport */ submodules_client.Command),
  AccountAttributesMessage$: () => (/* reexport */ schemas_0/* AccountAttributesMessage$ */.aSz),
  AccountQuota$: () => (/* reexport */ schemas_0/* AccountQuota$ */.QjP),
  ActivityStreamMode: () => (/* reexport */ ActivityStreamMode),
  ActivityStreamPolicyStatus: () => (/* reexport */ ActivityStreamPolicyStatus),
  ActivityStreamStatus: () => (/* reexport */ ActivityStreamStatus),
  AddRoleToDBCluster$: () => (/* reexport */ schemas_0/* AddRoleToDBCluster$ */.brG),
  AddRoleToDBClusterCommand: () => (/* reexport */ AddRoleToDBClusterCommand),
  AddRoleToDBClusterMessage$: () => (/* reexport */ schemas_0/* AddRoleToDBClusterMessage$ */.kYc),
  AddRoleToDBInstance$: () => (/* reexport */ schemas_0/* AddRoleToDBInstance$ */.sRv),
  AddRoleToDBInstanceCommand: () => (/* reexport */ AddRoleToDBInstanceCommand),
  AddRoleToDBInstanceMessage$: () => (/* reexport */ schemas_0/* AddRoleToDBInstanceMessage$ */.lGt),
  AddSourceIdentifierToSubscription$: () => (/* reexport */ schemas_0/* AddSourceIdentifierToSubscription$ */.GPn),
  AddSourceIdentifierToSubscriptionCommand: () => (/* reexport */ AddSourceIdentifierToSubscriptionCommand),
  AddSourceIdentifierToSubscriptionMessage$: () => (/* reexport */ schemas_0/* AddSourceIdentifierToSubscriptionMessage$ */.neZ),
  AddSourceIdentifierToSubscriptionResult$: () => (/* reexport */ schemas_0/* AddSourceIdentifierToSubscriptionResult$ */.n34),
  AddTagsToResource$: () => (/* reexport */ schemas_0/* AddTagsToResource$ */.Yl$),
  AddTagsToResourceCommand: () => (/* reexport */ AddTagsToResourceCommand/* AddTagsToResourceCommand */.X),
  AddTagsToResourceMessage$: () => (/* reexport */ schemas_0/* AddTagsToResourceMessage$ */.XNU),
  AdditionalStorageVolume$: () => (/* reexport */ schemas_0/* AdditionalStorageVolume$ */.XRV),
  AdditionalStorageVolumeOutput$: () => (/* reexport */ schemas_0/* AdditionalStorageVolumeOutput$ */.UmV),
  ApplyMethod: () => (/* reexport */ ApplyMethod),
  ApplyPendingMaintenanceAction$: () => (/* reexport */ schemas_0/* ApplyPendingMaintenanceAction$ */.bV1),
  ApplyPendingMaintenanceActionCommand: () => (/* reexport */ ApplyPendingMaintenanceActionCommand),
  ApplyPendingMaintenanceActionMessage$: () => (/* reexport */ schemas_0/* ApplyPendingMaintenanceActionMessage$ */.eD6),
  ApplyPendingMaintenanceActionResult$: () => (/* reexport */ schemas_0/* ApplyPendingMaintenanceActionResult$ */.m1H),
  AuditPolicyState: () => (/* reexport */ AuditPolicyState),
  AuthScheme: () => (/* reexport */ AuthScheme),
  AuthorizationAlreadyExistsFault: () => (/* reexport */ errors/* AuthorizationAlreadyExistsFault */.Ec),
  AuthorizationAlreadyExistsFault$: () => (/* reexport */ schemas_0/* AuthorizationAlreadyExistsFault$ */.kOb),
  AuthorizationNotFoundFault: () => (/* reexport */ errors/* AuthorizationNotFoundFault */.FH),
  AuthorizationNotFoundFault$: () => (/* reexport */ schemas_0/* AuthorizationNotFoundFault$ */.Fcc),
  AuthorizationQuotaExceededFault: () => (/* reexport */ errors/* AuthorizationQuotaExceededFault */.JC),
  AuthorizationQuotaExceededFault$: () => (/* reexport */ schemas_0/* AuthorizationQuotaExceededFault$ */.X29),
  AuthorizeDBSecurityGroupIngress$: () => (/* reexport */ schemas_0/* AuthorizeDBSecurityGroupIngress$ */.OvK),
  AuthorizeDBSecurityGroupIngressCommand: () => (/* reexport */ AuthorizeDBSecurityGroupIngressCommand),
  AuthorizeDBSecurityGroupIngressMessage$: () => (/* reexport */ schemas_0/* AuthorizeDBSecurityGroupIngressMessage$ */.xTp),
  AuthorizeDBSecurityGroupIngressResult$: () => (/* reexport */ schemas_0/* AuthorizeDBSecurityGroupIngressResult$ */.TFb),
  AutomationMode: () => (/* reexport */ AutomationMode),
  AvailabilityZone$: () => (/* reexport */ schemas_0/* AvailabilityZone$ */.Og$),
  AvailableAdditionalStorageVolumesOption$: () => (/* reexport */ schemas_0/* AvailableAdditionalStorageVolumesOption$ */.Ok0),
  AvailableCapacityPerAvailabilityZone$: () => (/* reexport */ schemas_0/* AvailableCapacityPerAvailabilityZone$ */._BX),
  AvailableProcessorFeature$: () => (/* reexport */ schemas_0/* AvailableProcessorFeature$ */.ivy),
  BacktrackDBCluster$: () => (/* reexport */ schemas_0/* BacktrackDBCluster$ */.Lz),
  BacktrackDBClusterCommand: () => (/* reexport */ BacktrackDBClusterCommand),
  BacktrackDBClusterMessage$: () => (/* reexport */ schemas_0/* BacktrackDBClusterMessage$ */._vt),
  BackupPolicyNotFoundFault: () => (/* reexport */ errors/* BackupPolicyNotFoundFault */.eP),
  BackupPolicyNotFoundFault$: () => (/* reexport */ schemas_0/* BackupPolicyNotFoundFault$ */.O78),
  BlueGreenDeployment$: () => (/* reexport */ schemas_0/* BlueGreenDeployment$ */.jvE),
  BlueGreenDeploymentAlreadyExistsFault: () => (/* reexport */ errors/* BlueGreenDeploymentAlreadyExistsFault */.Zt),
  BlueGreenDeploymentAlreadyExistsFault$: () => (/* reexport */ schemas_0/* BlueGreenDeploymentAlreadyExistsFault$ */.$Hm),
  BlueGreenDeploymentNotFoundFault: () => (/* reexport */ errors/* BlueGreenDeploymentNotFoundFault */.UT),
  BlueGreenDeploymentNotFoundFault$: () => (/* reexport */ schemas_0/* BlueGreenDeploymentNotFoundFault$ */.Qbc),
  BlueGreenDeploymentTask$: () => (/* reexport */ schemas_0/* BlueGreenDeploymentTask$ */.o4p),
  CancelDBCapacityReservation$: () => (/* reexport */ schemas_0/* CancelDBCapacityReservation$ */.Hyc),
  CancelDBCapacityReservationCommand: () => (/* reexport */ CancelDBCapacityReservationCommand),
  CancelDBCapacityReservationRequest$: () => (/* reexport */ schemas_0/* CancelDBCapacityReservationRequest$ */.a9e),
  CancelDBCapacityReservationResponse$: () => (/* reexport */ schemas_0/* CancelDBCapacityReservationResponse$ */.eLO),
  CancelExportTask$: () => (/* reexport */ schemas_0/* CancelExportTask$ */.kpN),
  CancelExportTaskCommand: () => (/* reexport */ CancelExportTaskCommand),
  CancelExportTaskMessage$: () => (/* reexport */ schemas_0/* CancelExportTaskMessage$ */.lOL),
  Certificate$: () => (/* reexport */ schemas_0/* Certificate$ */.ctX),
  CertificateDetails$: () => (/* reexport */ schemas_0/* CertificateDetails$ */.o_3),
  CertificateMessage$: () => (/* reexport */ schemas_0/* CertificateMessage$ */.H$z),
  CertificateNotFoundFault: () => (/* reexport */ errors/* CertificateNotFoundFault */.TV),
  CertificateNotFoundFault$: () => (/* reexport */ schemas_0/* CertificateNotFoundFault$ */.fYk),
  CharacterSet$: () => (/* reexport */ schemas_0/* CharacterSet$ */.gfv),
  ClientPasswordAuthType: () => (/* reexport */ ClientPasswordAuthType),
  CloudwatchLogsExportConfiguration$: () => (/* reexport */ schemas_0/* CloudwatchLogsExportConfiguration$ */.A4T),
  ClusterPendingModifiedValues$: () => (/* reexport */ schemas_0/* ClusterPendingModifiedValues$ */.tdn),
  ClusterScalabilityType: () => (/* reexport */ ClusterScalabilityType),
  ConnectionPoolConfiguration$: () => (/* reexport */ schemas_0/* ConnectionPoolConfiguration$ */.ta_),
  ConnectionPoolConfigurationInfo$: () => (/* reexport */ schemas_0/* ConnectionPoolConfigurationInfo$ */.BYc),
  ContextAttribute$: () => (/* reexport */ schemas_0/* ContextAttribute$ */.uon),
  CopyDBClusterParameterGroup$: () => (/* reexport */ schemas_0/* CopyDBClusterParameterGroup$ */.QS1),
  CopyDBClusterParameterGroupCommand: () => (/* reexport */ CopyDBClusterParameterGroupCommand),
  CopyDBClusterParameterGroupMessage$: () => (/* reexport */ schemas_0/* CopyDBClusterParameterGroupMessage$ */.$EP),
  CopyDBClusterParameterGroupResult$: () => (/* reexport */ schemas_0/* CopyDBClusterParameterGroupResult$ */.xYk),
  CopyDBClusterSnapshot$: () => (/* reexport */ schemas_0/* CopyDBClusterSnapshot$ */.QXb),
  CopyDBClusterSnapshotCommand: () => (/* reexport */ CopyDBClusterSnapshotCommand),
  CopyDBClusterSnapshotMessage$: () => (/* reexport */ schemas_0/* CopyDBClusterSnapshotMessage$ */.$pR),
  CopyDBClusterSnapshotResult$: () => (/* reexport */ schemas_0/* CopyDBClusterSnapshotResult$ */.FZO),
  CopyDBParameterGroup$: () => (/* reexport */ schemas_0/* CopyDBParameterGroup$ */._ub),
  CopyDBParameterGroupCommand: () => (/* reexport */ CopyDBParameterGroupCommand),
  CopyDBParameterGroupMessage$: () => (/* reexport */ schemas_0/* CopyDBParameterGroupMessage$ */.xQO),
  CopyDBParameterGroupResult$: () => (/* reexport */ schemas_0/* CopyDBParameterGroupResult$ */.j_o),
  CopyDBSnapshot$: () => (/* reexport */ schemas_0/* CopyDBSnapshot$ */.oOk),
  CopyDBSnapshotCommand: () => (/* reexport */ CopyDBSnapshotCommand),
  CopyDBSnapshotMessage$: () => (/* reexport */ schemas_0/* CopyDBSnapshotMessage$ */.ny7),
  CopyDBSnapshotResult$: () => (/* reexport */ schemas_0/* CopyDBSnapshotResult$ */.LF$),
  CopyOptionGroup$: () => (/* reexport */ schemas_0/* CopyOptionGroup$ */.EJp),
  CopyOptionGroupCommand: () => (/* reexport */ CopyOptionGroupCommand),
  CopyOptionGroupMessage$: () => (/* reexport */ schemas_0/* CopyOptionGroupMessage$ */.p4C),
  CopyOptionGroupResult$: () => (/* reexport */ schemas_0/* CopyOptionGroupResult$ */.nEp),
  CreateBlueGreenDeployment$: () => (/* reexport */ schemas_0/* CreateBlueGreenDeployment$ */.R2j),
  CreateBlueGreenDeploymentCommand: () => (/* reexport */ CreateBlueGreenDeploymentCommand),
  CreateBlueGreenDeploymentRequest$: () => (/* reexport */ schemas_0/* CreateBlueGreenDeploymentRequest$ */.Uxp),
  CreateBlueGreenDeploymentResponse$: () => (/* reexport */ schemas_0/* CreateBlueGreenDeploymentResponse$ */.oXj),
  CreateCustomDBEngineVersion$: () => (/* reexport */ schemas_0/* CreateCustomDBEngineVersion$ */.Ic1),
  CreateCustomDBEngineVersionCommand: () => (/* reexport */ CreateCustomDBEngineVersionCommand),
  CreateCustomDBEngineVersionFault: () => (/* reexport */ errors/* CreateCustomDBEngineVersionFault */.K9),
  CreateCustomDBEngineVersionFault$: () => (/* reexport */ schemas_0/* CreateCustomDBEngineVersionFault$ */.ACP),
  CreateCustomDBEngineVersionMessage$: () => (/* reexport */ schemas_0/* CreateCustomDBEngineVersionMessage$ */.V9K),
  CreateDBCapacityReservation$: () => (/* reexport */ schemas_0/* CreateDBCapacityReservation$ */.Lji),
  CreateDBCapacityReservationCommand: () => (/* reexport */ CreateDBCapacityReservationCommand),
  CreateDBCapacityReservationRequest$: () => (/* reexport */ schemas_0/* CreateDBCapacityReservationRequest$ */.mWq),
  CreateDBCapacityReservationResponse$: () => (/* reexport */ schemas_0/* CreateDBCapacityReservationResponse$ */.Inj),
  CreateDBCluster$: () => (/* reexport */ schemas_0/* CreateDBCluster$ */.xCD),
  CreateDBClusterCommand: () => (/* reexport */ CreateDBClusterCommand),
  CreateDBClusterEndpoint$: () => (/* reexport */ schemas_0/* CreateDBClusterEndpoint$ */.AuO),
  CreateDBClusterEndpointCommand: () => (/* reexport */ CreateDBClusterEndpointCommand),
  CreateDBClusterEndpointMessage$: () => (/* reexport */ schemas_0/* CreateDBClusterEndpointMessage$ */.trs),
  CreateDBClusterMessage$: () => (/* reexport */ schemas_0/* CreateDBClusterMessage$ */.Mey),
  CreateDBClusterParameterGroup$: () => (/* reexport */ schemas_0/* CreateDBClusterParameterGroup$ */.Rr7),
  CreateDBClusterParameterGroupCommand: () => (/* reexport */ CreateDBClusterParameterGroupCommand),
  CreateDBClusterParameterGroupMessage$: () => (/* reexport */ schemas_0/* CreateDBClusterParameterGroupMessage$ */.KU$),
  CreateDBClusterParameterGroupResult$: () => (/* reexport */ schemas_0/* CreateDBClusterParameterGroupResult$ */.S6A),
  CreateDBClusterResult$: () => (/* reexport */ schemas_0/* CreateDBClusterResult$ */.KN0),
  CreateDBClusterSnapshot$: () => (/* reexport */ schemas_0/* CreateDBClusterSnapshot$ */.V4c),
  CreateDBClusterSnapshotCommand: () => (/* reexport */ CreateDBClusterSnapshotCommand),
  CreateDBClusterSnapshotMessage$: () => (/* reexport */ schemas_0/* CreateDBClusterSnapshotMessage$ */.IQ7),
  CreateDBClusterSnapshotResult$: () => (/* reexport */ schemas_0/* CreateDBClusterSnapshotResult$ */.iXP),
  CreateDBInstance$: () => (/* reexport */ schemas_0/* CreateDBInstance$ */.YpA),
  CreateDBInstanceCommand: () => (/* reexport */ CreateDBInstanceCommand),
  CreateDBInstanceMessage$: () => (/* reexport */ schemas_0/* CreateDBInstanceMessage$ */.rB6),
  CreateDBInstanceReadReplica$: () => (/* reexport */ schemas_0/* CreateDBInstanceReadReplica$ */.AxX),
  CreateDBInstanceReadReplicaCommand: () => (/* reexport */ CreateDBInstanceReadReplicaCommand),
  CreateDBInstanceReadReplicaMessage$: () => (/* reexport */ schemas_0/* CreateDBInstanceReadReplicaMessage$ */.LrG),
  CreateDBInstanceReadReplicaResult$: () => (/* reexport */ schemas_0/* CreateDBInstanceReadReplicaResult$ */.nmI),
  CreateDBInstanceResult$: () => (/* reexport */ schemas_0/* CreateDBInstanceResult$ */.d$x),
  CreateDBParameterGroup$: () => (/* reexport */ schemas_0/* CreateDBParameterGroup$ */.hJ_),
  CreateDBParameterGroupCommand: () => (/* reexport */ CreateDBParameterGroupCommand),
  CreateDBParameterGroupMessage$: () => (/* reexport */ schemas_0/* CreateDBParameterGroupMessage$ */.qOz),
  CreateDBParameterGroupResult$: () => (/* reexport */ schemas_0/* CreateDBParameterGroupResult$ */.gxm),
  CreateDBProxy$: () => (/* reexport */ schemas_0/* CreateDBProxy$ */.Tkm),
  CreateDBProxyCommand: () => (/* reexport */ CreateDBProxyCommand),
  CreateDBProxyEndpoint$: () => (/* reexport */ schemas_0/* CreateDBProxyEndpoint$ */.IbN),
  CreateDBProxyEndpointCommand: () => (/* reexport */ CreateDBProxyEndpointCommand),
  CreateDBProxyEndpointRequest$: () => (/* reexport */ schemas_0/* CreateDBProxyEndpointRequest$ */.hZV),
  CreateDBProxyEndpointResponse$: () => (/* reexport */ schemas_0/* CreateDBProxyEndpointResponse$ */.nVO),
  CreateDBProxyRequest$: () => (/* reexport */ schemas_0/* CreateDBProxyRequest$ */.Gj9),
  CreateDBProxyResponse$: () => (/* reexport */ schemas_0/* CreateDBProxyResponse$ */.S9P),
  CreateDBSecurityGroup$: () => (/* reexport */ schemas_0/* CreateDBSecurityGroup$ */.OSO),
  CreateDBSecurityGroupCommand: () => (/* reexport */ CreateDBSecurityGroupCommand),
  CreateDBSecurityGroupMessage$: () => (/* reexport */ schemas_0/* CreateDBSecurityGroupMessage$ */.P5$),
  CreateDBSecurityGroupResult$: () => (/* reexport */ schemas_0/* CreateDBSecurityGroupResult$ */.Bbf),
  CreateDBShardGroup$: () => (/* reexport */ schemas_0/* CreateDBShardGroup$ */.Y5z),
  CreateDBShardGroupCommand: () => (/* reexport */ CreateDBShardGroupCommand),
  CreateDBShardGroupMessage$: () => (/* reexport */ schemas_0/* CreateDBShardGroupMessage$ */.f7e),
  CreateDBSnapshot$: () => (/* reexport */ schemas_0/* CreateDBSnapshot$ */.J_M),
  CreateDBSnapshotCommand: () => (/* reexport */ CreateDBSnapshotCommand),
  CreateDBSnapshotMessage$: () => (/* reexport */ schemas_0/* CreateDBSnapshotMessage$ */.gOy),
  CreateDBSnapshotResult$: () => (/* reexport */ schemas_0/* CreateDBSnapshotResult$ */.o0N),
  CreateDBSubnetGroup$: () => (/* reexport */ schemas_0/* CreateDBSubnetGroup$ */.DYx),
  CreateDBSubnetGroupCommand: () => (/* reexport */ CreateDBSubnetGroupCommand),
  CreateDBSubnetGroupMessage$: () => (/* reexport */ schemas_0/* CreateDBSubnetGroupMessage$ */.e6T),
  CreateDBSubnetGroupResult$: () => (/* reexport */ schemas_0/* CreateDBSubnetGroupResult$ */.ekv),
  CreateEventSubscription$: () => (/* reexport */ schemas_0/* CreateEventSubscription$ */.YYx),
  CreateEventSubscriptionCommand: () => (/* reexport */ CreateEventSubscriptionCommand),
  CreateEventSubscriptionMessage$: () => (/* reexport */ schemas_0/* CreateEventSubscriptionMessage$ */.FnN),
  CreateEventSubscriptionResult$: () => (/* reexport */ schemas_0/* CreateEventSubscriptionResult$ */.HLW),
  CreateGlobalCluster$: () => (/* reexport */ schemas_0/* CreateGlobalCluster$ */.sBr),
  CreateGlobalClusterCommand: () => (/* reexport */ CreateGlobalClusterCommand),
  CreateGlobalClusterMessage$: () => (/* reexport */ schemas_0/* CreateGlobalClusterMessage$ */.TTK),
  CreateGlobalClusterResult$: () => (/* reexport */ schemas_0/* CreateGlobalClusterResult$ */.h9P),
  CreateIntegration$: () => (/* reexport */ schemas_0/* CreateIntegration$ */.bKc),
  CreateIntegrationCommand: () => (/* reexport */ CreateIntegrationCommand),
  CreateIntegrationMessage$: () => (/* reexport */ schemas_0/* CreateIntegrationMessage$ */.Qj9),
  CreateOptionGroup$: () => (/* reexport */ schemas_0/* CreateOptionGroup$ */.PNz),
  CreateOptionGroupCommand: () => (/* reexport */ CreateOptionGroupCommand),
  CreateOptionGroupMessage$: () => (/* reexport */ schemas_0/* CreateOptionGroupMessage$ */.WVJ),
  CreateOptionGroupResult$: () => (/* reexport */ schemas_0/* CreateOptionGroupResult$ */.wsK),
  CreateTenantDatabase$: () => (/* reexport */ schemas_0/* CreateTenantDatabase$ */.wvy),
  CreateTenantDatabaseCommand: () => (/* reexport */ CreateTenantDatabaseCommand),
  CreateTenantDatabaseMessage$: () => (/* reexport */ schemas_0/* CreateTenantDatabaseMessage$ */.vXP),
  CreateTenantDatabaseResult$: () => (/* reexport */ schemas_0/* CreateTenantDatabaseResult$ */.zY8),
  CustomAvailabilityZoneNotFoundFault: () => (/* reexport */ errors/* CustomAvailabilityZoneNotFoundFault */.y_),
  CustomAvailabilityZoneNotFoundFault$: () => (/* reexport */ schemas_0/* CustomAvailabilityZoneNotFoundFault$ */.MN4),
  CustomDBEngineVersionAMI$: () => (/* reexport */ schemas_0/* CustomDBEngineVersionAMI$ */.R8K),
  CustomDBEngineVersionAlreadyExistsFault: () => (/* reexport */ errors/* CustomDBEngineVersionAlreadyExistsFault */.wu),
  CustomDBEngineVersionAlreadyExistsFault$: () => (/* reexport */ schemas_0/* CustomDBEngineVersionAlreadyExistsFault$ */.u3$),
  CustomDBEngineVersionNotFoundFault: () => (/* reexport */ errors/* CustomDBEngineVersionNotFoundFault */.X8),
  CustomDBEngineVersionNotFoundFault$: () => (/* reexport */ schemas_0/* CustomDBEngineVersionNotFoundFault$ */.lo$),
  CustomDBEngineVersionQuotaExceededFault: () => (/* reexport */ errors/* CustomDBEngineVersionQuotaExceededFault */.h8),
  CustomDBEngineVersionQuotaExceededFault$: () => (/* reexport */ schemas_0/* CustomDBEngineVersionQuotaExceededFault$ */.xdv),
  CustomEngineVersionStatus: () => (/* reexport */ CustomEngineVersionStatus),
  DBCapacityReservation$: () => (/* reexport */ schemas_0/* DBCapacityReservation$ */.taR),
  DBCapacityReservationAlreadyExistsFault: () => (/* reexport */ errors/* DBCapacityReservationAlreadyExistsFault */.zG),
  DBCapacityReservationAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBCapacityReservationAlreadyExistsFault$ */.pOj),
  DBCapacityReservationCommitmentInfo$: () => (/* reexport */ schemas_0/* DBCapacityReservationCommitmentInfo$ */.iFU),
  DBCapacityReservationNotFoundFault: () => (/* reexport */ errors/* DBCapacityReservationNotFoundFault */.G4),
  DBCapacityReservationNotFoundFault$: () => (/* reexport */ schemas_0/* DBCapacityReservationNotFoundFault$ */.gvt),
  DBCapacityReservationState: () => (/* reexport */ DBCapacityReservationState),
  DBCapacityReservationUnsupportedFault: () => (/* reexport */ errors/* DBCapacityReservationUnsupportedFault */.mZ),
  DBCapacityReservationUnsupportedFault$: () => (/* reexport */ schemas_0/* DBCapacityReservationUnsupportedFault$ */.KFG),
  DBCluster$: () => (/* reexport */ schemas_0/* DBCluster$ */.ftn),
  DBClusterAlreadyExistsFault: () => (/* reexport */ errors/* DBClusterAlreadyExistsFault */.lx),
  DBClusterAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBClusterAlreadyExistsFault$ */.JeH),
  DBClusterAssociatedRole$: () => (/* reexport */ schemas_0/* DBClusterAssociatedRole$ */.LEd),
  DBClusterAutomatedBackup$: () => (/* reexport */ schemas_0/* DBClusterAutomatedBackup$ */.rIH),
  DBClusterAutomatedBackupMessage$: () => (/* reexport */ schemas_0/* DBClusterAutomatedBackupMessage$ */.I$F),
  DBClusterAutomatedBackupNotFoundFault: () => (/* reexport */ errors/* DBClusterAutomatedBackupNotFoundFault */.Iu),
  DBClusterAutomatedBackupNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterAutomatedBackupNotFoundFault$ */.Qat),
  DBClusterAutomatedBackupQuotaExceededFault: () => (/* reexport */ errors/* DBClusterAutomatedBackupQuotaExceededFault */.s),
  DBClusterAutomatedBackupQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBClusterAutomatedBackupQuotaExceededFault$ */.S58),
  DBClusterBacktrack$: () => (/* reexport */ schemas_0/* DBClusterBacktrack$ */.Vm8),
  DBClusterBacktrackMessage$: () => (/* reexport */ schemas_0/* DBClusterBacktrackMessage$ */.AQI),
  DBClusterBacktrackNotFoundFault: () => (/* reexport */ errors/* DBClusterBacktrackNotFoundFault */.YN),
  DBClusterBacktrackNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterBacktrackNotFoundFault$ */.cDX),
  DBClusterCapacityInfo$: () => (/* reexport */ schemas_0/* DBClusterCapacityInfo$ */.jTz),
  DBClusterEndpoint$: () => (/* reexport */ schemas_0/* DBClusterEndpoint$ */.uPG),
  DBClusterEndpointAlreadyExistsFault: () => (/* reexport */ errors/* DBClusterEndpointAlreadyExistsFault */.kq),
  DBClusterEndpointAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBClusterEndpointAlreadyExistsFault$ */.eXh),
  DBClusterEndpointMessage$: () => (/* reexport */ schemas_0/* DBClusterEndpointMessage$ */.rau),
  DBClusterEndpointNotFoundFault: () => (/* reexport */ errors/* DBClusterEndpointNotFoundFault */.vq),
  DBClusterEndpointNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterEndpointNotFoundFault$ */.pQ5),
  DBClusterEndpointQuotaExceededFault: () => (/* reexport */ errors/* DBClusterEndpointQuotaExceededFault */.PZ),
  DBClusterEndpointQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBClusterEndpointQuotaExceededFault$ */.L4t),
  DBClusterMember$: () => (/* reexport */ schemas_0/* DBClusterMember$ */.vqo),
  DBClusterMessage$: () => (/* reexport */ schemas_0/* DBClusterMessage$ */.CFY),
  DBClusterNotFoundFault: () => (/* reexport */ errors/* DBClusterNotFoundFault */.E9),
  DBClusterNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterNotFoundFault$ */.GOC),
  DBClusterOptionGroupStatus$: () => (/* reexport */ schemas_0/* DBClusterOptionGroupStatus$ */.vdB),
  DBClusterParameterGroup$: () => (/* reexport */ schemas_0/* DBClusterParameterGroup$ */.RnK),
  DBClusterParameterGroupDetails$: () => (/* reexport */ schemas_0/* DBClusterParameterGroupDetails$ */.n6_),
  DBClusterParameterGroupNameMessage$: () => (/* reexport */ schemas_0/* DBClusterParameterGroupNameMessage$ */.dzE),
  DBClusterParameterGroupNotFoundFault: () => (/* reexport */ errors/* DBClusterParameterGroupNotFoundFault */.U4),
  DBClusterParameterGroupNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterParameterGroupNotFoundFault$ */.cA0),
  DBClusterParameterGroupsMessage$: () => (/* reexport */ schemas_0/* DBClusterParameterGroupsMessage$ */.De$),
  DBClusterQuotaExceededFault: () => (/* reexport */ errors/* DBClusterQuotaExceededFault */.Mz),
  DBClusterQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBClusterQuotaExceededFault$ */.iKV),
  DBClusterRole$: () => (/* reexport */ schemas_0/* DBClusterRole$ */.xsk),
  DBClusterRoleAlreadyExistsFault: () => (/* reexport */ errors/* DBClusterRoleAlreadyExistsFault */.hZ),
  DBClusterRoleAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBClusterRoleAlreadyExistsFault$ */.dsA),
  DBClusterRoleNotFoundFault: () => (/* reexport */ errors/* DBClusterRoleNotFoundFault */.Aj),
  DBClusterRoleNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterRoleNotFoundFault$ */.k3r),
  DBClusterRoleQuotaExceededFault: () => (/* reexport */ errors/* DBClusterRoleQuotaExceededFault */.ec),
  DBClusterRoleQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBClusterRoleQuotaExceededFault$ */.GEi),
  DBClusterSnapshot$: () => (/* reexport */ schemas_0/* DBClusterSnapshot$ */.dU_),
  DBClusterSnapshotAlreadyExistsFault: () => (/* reexport */ errors/* DBClusterSnapshotAlreadyExistsFault */.Bx),
  DBClusterSnapshotAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBClusterSnapshotAlreadyExistsFault$ */.pQ9),
  DBClusterSnapshotAttribute$: () => (/* reexport */ schemas_0/* DBClusterSnapshotAttribute$ */.xXC),
  DBClusterSnapshotAttributesResult$: () => (/* reexport */ schemas_0/* DBClusterSnapshotAttributesResult$ */.zNb),
  DBClusterSnapshotMessage$: () => (/* reexport */ schemas_0/* DBClusterSnapshotMessage$ */.ivr),
  DBClusterSnapshotNotFoundFault: () => (/* reexport */ errors/* DBClusterSnapshotNotFoundFault */.sx),
  DBClusterSnapshotNotFoundFault$: () => (/* reexport */ schemas_0/* DBClusterSnapshotNotFoundFault$ */.sft),
  DBClusterStatusInfo$: () => (/* reexport */ schemas_0/* DBClusterStatusInfo$ */.VZH),
  DBEngineVersion$: () => (/* reexport */ schemas_0/* DBEngineVersion$ */.lSv),
  DBEngineVersionMessage$: () => (/* reexport */ schemas_0/* DBEngineVersionMessage$ */.okQ),
  DBInstance$: () => (/* reexport */ schemas_0/* DBInstance$ */.Wg6),
  DBInstanceAlreadyExistsFault: () => (/* reexport */ errors/* DBInstanceAlreadyExistsFault */.Wu),
  DBInstanceAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBInstanceAlreadyExistsFault$ */.qsN),
  DBInstanceAutomatedBackup$: () => (/* reexport */ schemas_0/* DBInstanceAutomatedBackup$ */.M7t),
  DBInstanceAutomatedBackupMessage$: () => (/* reexport */ schemas_0/* DBInstanceAutomatedBackupMessage$ */.zTe),
  DBInstanceAutomatedBackupNotFoundFault: () => (/* reexport */ errors/* DBInstanceAutomatedBackupNotFoundFault */.Db),
  DBInstanceAutomatedBackupNotFoundFault$: () => (/* reexport */ schemas_0/* DBInstanceAutomatedBackupNotFoundFault$ */.lJ8),
  DBInstanceAutomatedBackupQuotaExceededFault: () => (/* reexport */ errors/* DBInstanceAutomatedBackupQuotaExceededFault */.Pq),
  DBInstanceAutomatedBackupQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBInstanceAutomatedBackupQuotaExceededFault$ */.Boc),
  DBInstanceAutomatedBackupsReplication$: () => (/* reexport */ schemas_0/* DBInstanceAutomatedBackupsReplication$ */.zEL),
  DBInstanceMessage$: () => (/* reexport */ schemas_0/* DBInstanceMessage$ */.H3C),
  DBInstanceNotFoundFault: () => (/* reexport */ errors/* DBInstanceNotFoundFault */.dg),
  DBInstanceNotFoundFault$: () => (/* reexport */ schemas_0/* DBInstanceNotFoundFault$ */.tfI),
  DBInstanceNotReadyFault: () => (/* reexport */ errors/* DBInstanceNotReadyFault */.EH),
  DBInstanceNotReadyFault$: () => (/* reexport */ schemas_0/* DBInstanceNotReadyFault$ */.eo5),
  DBInstanceRole$: () => (/* reexport */ schemas_0/* DBInstanceRole$ */.kh0),
  DBInstanceRoleAlreadyExistsFault: () => (/* reexport */ errors/* DBInstanceRoleAlreadyExistsFault */.AT),
  DBInstanceRoleAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBInstanceRoleAlreadyExistsFault$ */.cpj),
  DBInstanceRoleNotFoundFault: () => (/* reexport */ errors/* DBInstanceRoleNotFoundFault */.Pv),
  DBInstanceRoleNotFoundFault$: () => (/* reexport */ schemas_0/* DBInstanceRoleNotFoundFault$ */.F7Q),
  DBInstanceRoleQuotaExceededFault: () => (/* reexport */ errors/* DBInstanceRoleQuotaExceededFault */.zo),
  DBInstanceRoleQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBInstanceRoleQuotaExceededFault$ */.Beq),
  DBInstanceStatusInfo$: () => (/* reexport */ schemas_0/* DBInstanceStatusInfo$ */.Awk),
  DBLogFileNotFoundFault: () => (/* reexport */ errors/* DBLogFileNotFoundFault */.cE),
  DBLogFileNotFoundFault$: () => (/* reexport */ schemas_0/* DBLogFileNotFoundFault$ */.OnX),
  DBMajorEngineVersion$: () => (/* reexport */ schemas_0/* DBMajorEngineVersion$ */.KL7),
  DBParameterGroup$: () => (/* reexport */ schemas_0/* DBParameterGroup$ */.$Ax),
  DBParameterGroupAlreadyExistsFault: () => (/* reexport */ errors/* DBParameterGroupAlreadyExistsFault */.Fs),
  DBParameterGroupAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBParameterGroupAlreadyExistsFault$ */.BxK),
  DBParameterGroupDetails$: () => (/* reexport */ schemas_0/* DBParameterGroupDetails$ */.zS2),
  DBParameterGroupNameMessage$: () => (/* reexport */ schemas_0/* DBParameterGroupNameMessage$ */.PmU),
  DBParameterGroupNotFoundFault: () => (/* reexport */ errors/* DBParameterGroupNotFoundFault */.wq),
  DBParameterGroupNotFoundFault$: () => (/* reexport */ schemas_0/* DBParameterGroupNotFoundFault$ */.UeM),
  DBParameterGroupQuotaExceededFault: () => (/* reexport */ errors/* DBParameterGroupQuotaExceededFault */.cc),
  DBParameterGroupQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBParameterGroupQuotaExceededFault$ */.Qwc),
  DBParameterGroupStatus$: () => (/* reexport */ schemas_0/* DBParameterGroupStatus$ */.jdj),
  DBParameterGroupsMessage$: () => (/* reexport */ schemas_0/* DBParameterGroupsMessage$ */.nqv),
  DBProxy$: () => (/* reexport */ schemas_0/* DBProxy$ */.NF$),
  DBProxyAlreadyExistsFault: () => (/* reexport */ errors/* DBProxyAlreadyExistsFault */.n9),
  DBProxyAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBProxyAlreadyExistsFault$ */.lVK),
  DBProxyEndpoint$: () => (/* reexport */ schemas_0/* DBProxyEndpoint$ */.aqo),
  DBProxyEndpointAlreadyExistsFault: () => (/* reexport */ errors/* DBProxyEndpointAlreadyExistsFault */.Ow),
  DBProxyEndpointAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBProxyEndpointAlreadyExistsFault$ */.YLH),
  DBProxyEndpointNotFoundFault: () => (/* reexport */ errors/* DBProxyEndpointNotFoundFault */.te),
  DBProxyEndpointNotFoundFault$: () => (/* reexport */ schemas_0/* DBProxyEndpointNotFoundFault$ */.R$k),
  DBProxyEndpointQuotaExceededFault: () => (/* reexport */ errors/* DBProxyEndpointQuotaExceededFault */.Bb),
  DBProxyEndpointQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBProxyEndpointQuotaExceededFault$ */.Xrc),
  DBProxyEndpointStatus: () => (/* reexport */ DBProxyEndpointStatus),
  DBProxyEndpointTargetRole: () => (/* reexport */ DBProxyEndpointTargetRole),
  DBProxyNotFoundFault: () => (/* reexport */ errors/* DBProxyNotFoundFault */.Qs),
  DBProxyNotFoundFault$: () => (/* reexport */ schemas_0/* DBProxyNotFoundFault$ */.cMg),
  DBProxyQuotaExceededFault: () => (/* reexport */ errors/* DBProxyQuotaExceededFault */.we),
  DBProxyQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBProxyQuotaExceededFault$ */.AUc),
  DBProxyStatus: () => (/* reexport */ DBProxyStatus),
  DBProxyTarget$: () => (/* reexport */ schemas_0/* DBProxyTarget$ */.Qpj),
  DBProxyTargetAlreadyRegisteredFault: () => (/* reexport */ errors/* DBProxyTargetAlreadyRegisteredFault */.yq),
  DBProxyTargetAlreadyRegisteredFault$: () => (/* reexport */ schemas_0/* DBProxyTargetAlreadyRegisteredFault$ */.EvZ),
  DBProxyTargetGroup$: () => (/* reexport */ schemas_0/* DBProxyTargetGroup$ */.BoC),
  DBProxyTargetGroupNotFoundFault: () => (/* reexport */ errors/* DBProxyTargetGroupNotFoundFault */.eO),
  DBProxyTargetGroupNotFoundFault$: () => (/* reexport */ schemas_0/* DBProxyTargetGroupNotFoundFault$ */.ae_),
  DBProxyTargetNotFoundFault: () => (/* reexport */ errors/* DBProxyTargetNotFoundFault */.hq),
  DBProxyTargetNotFoundFault$: () => (/* reexport */ schemas_0/* DBProxyTargetNotFoundFault$ */.jug),
  DBRecommendation$: () => (/* reexport */ schemas_0/* DBRecommendation$ */.uku),
  DBRecommendationMessage$: () => (/* reexport */ schemas_0/* DBRecommendationMessage$ */.NSQ),
  DBRecommendationsMessage$: () => (/* reexport */ schemas_0/* DBRecommendationsMessage$ */.yCk),
  DBSecurityGroup$: () => (/* reexport */ schemas_0/* DBSecurityGroup$ */.msR),
  DBSecurityGroupAlreadyExistsFault: () => (/* reexport */ errors/* DBSecurityGroupAlreadyExistsFault */.wv),
  DBSecurityGroupAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBSecurityGroupAlreadyExistsFault$ */.amd),
  DBSecurityGroupMembership$: () => (/* reexport */ schemas_0/* DBSecurityGroupMembership$ */.sf3),
  DBSecurityGroupMessage$: () => (/* reexport */ schemas_0/* DBSecurityGroupMessage$ */.h4C),
  DBSecurityGroupNotFoundFault: () => (/* reexport */ errors/* DBSecurityGroupNotFoundFault */.Nc),
  DBSecurityGroupNotFoundFault$: () => (/* reexport */ schemas_0/* DBSecurityGroupNotFoundFault$ */.dpP),
  DBSecurityGroupNotSupportedFault: () => (/* reexport */ errors/* DBSecurityGroupNotSupportedFault */.dz),
  DBSecurityGroupNotSupportedFault$: () => (/* reexport */ schemas_0/* DBSecurityGroupNotSupportedFault$ */.hSV),
  DBSecurityGroupQuotaExceededFault: () => (/* reexport */ errors/* DBSecurityGroupQuotaExceededFault */.wW),
  DBSecurityGroupQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBSecurityGroupQuotaExceededFault$ */.pGN),
  DBShardGroup$: () => (/* reexport */ schemas_0/* DBShardGroup$ */.AzI),
  DBShardGroupAlreadyExistsFault: () => (/* reexport */ errors/* DBShardGroupAlreadyExistsFault */.kZ),
  DBShardGroupAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBShardGroupAlreadyExistsFault$ */.o7w),
  DBShardGroupNotFoundFault: () => (/* reexport */ errors/* DBShardGroupNotFoundFault */.JS),
  DBShardGroupNotFoundFault$: () => (/* reexport */ schemas_0/* DBShardGroupNotFoundFault$ */.vqM),
  DBSnapshot$: () => (/* reexport */ schemas_0/* DBSnapshot$ */.x0V),
  DBSnapshotAlreadyExistsFault: () => (/* reexport */ errors/* DBSnapshotAlreadyExistsFault */.rA),
  DBSnapshotAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBSnapshotAlreadyExistsFault$ */.lCG),
  DBSnapshotAttribute$: () => (/* reexport */ schemas_0/* DBSnapshotAttribute$ */.VHB),
  DBSnapshotAttributesResult$: () => (/* reexport */ schemas_0/* DBSnapshotAttributesResult$ */.lam),
  DBSnapshotMessage$: () => (/* reexport */ schemas_0/* DBSnapshotMessage$ */.A_9),
  DBSnapshotNotFoundFault: () => (/* reexport */ errors/* DBSnapshotNotFoundFault */.w9),
  DBSnapshotNotFoundFault$: () => (/* reexport */ schemas_0/* DBSnapshotNotFoundFault$ */.Ib6),
  DBSnapshotTenantDatabase$: () => (/* reexport */ schemas_0/* DBSnapshotTenantDatabase$ */.uzm),
  DBSnapshotTenantDatabaseNotFoundFault: () => (/* reexport */ errors/* DBSnapshotTenantDatabaseNotFoundFault */.l$),
  DBSnapshotTenantDatabaseNotFoundFault$: () => (/* reexport */ schemas_0/* DBSnapshotTenantDatabaseNotFoundFault$ */.Bi5),
  DBSnapshotTenantDatabasesMessage$: () => (/* reexport */ schemas_0/* DBSnapshotTenantDatabasesMessage$ */.qZt),
  DBSubnetGroup$: () => (/* reexport */ schemas_0/* DBSubnetGroup$ */.jeU),
  DBSubnetGroupAlreadyExistsFault: () => (/* reexport */ errors/* DBSubnetGroupAlreadyExistsFault */.NE),
  DBSubnetGroupAlreadyExistsFault$: () => (/* reexport */ schemas_0/* DBSubnetGroupAlreadyExistsFault$ */.Tuv),
  DBSubnetGroupDoesNotCoverEnoughAZs: () => (/* reexport */ errors/* DBSubnetGroupDoesNotCoverEnoughAZs */.Cg),
  DBSubnetGroupDoesNotCoverEnoughAZs$: () => (/* reexport */ schemas_0/* DBSubnetGroupDoesNotCoverEnoughAZs$ */.s7F),
  DBSubnetGroupMessage$: () => (/* reexport */ schemas_0/* DBSubnetGroupMessage$ */.MRk),
  DBSubnetGroupNotAllowedFault: () => (/* reexport */ errors/* DBSubnetGroupNotAllowedFault */.sU),
  DBSubnetGroupNotAllowedFault$: () => (/* reexport */ schemas_0/* DBSubnetGroupNotAllowedFault$ */.IEx),
  DBSubnetGroupNotFoundFault: () => (/* reexport */ errors/* DBSubnetGroupNotFoundFault */.gW),
  DBSubnetGroupNotFoundFault$: () => (/* reexport */ schemas_0/* DBSubnetGroupNotFoundFault$ */.Sp2),
  DBSubnetGroupQuotaExceededFault: () => (/* reexport */ errors/* DBSubnetGroupQuotaExceededFault */.GD),
  DBSubnetGroupQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBSubnetGroupQuotaExceededFault$ */.q1t),
  DBSubnetQuotaExceededFault: () => (/* reexport */ errors/* DBSubnetQuotaExceededFault */.J2),
  DBSubnetQuotaExceededFault$: () => (/* reexport */ schemas_0/* DBSubnetQuotaExceededFault$ */.hxn),
  DBUpgradeDependencyFailureFault: () => (/* reexport */ errors/* DBUpgradeDependencyFailureFault */.sK),
  DBUpgradeDependencyFailureFault$: () => (/* reexport */ schemas_0/* DBUpgradeDependencyFailureFault$ */.qFU),
  DatabaseInsightsMode: () => (/* reexport */ DatabaseInsightsMode),
  DefaultAuthScheme: () => (/* reexport */ DefaultAuthScheme),
  DeleteBlueGreenDeployment$: () => (/* reexport */ schemas_0/* DeleteBlueGreenDeployment$ */.KLW),
  DeleteBlueGreenDeploymentCommand: () => (/* reexport */ DeleteBlueGreenDeploymentCommand),
  DeleteBlueGreenDeploymentRequest$: () => (/* reexport */ schemas_0/* DeleteBlueGreenDeploymentRequest$ */.xy),
  DeleteBlueGreenDeploymentResponse$: () => (/* reexport */ schemas_0/* DeleteBlueGreenDeploymentResponse$ */.vak),
  DeleteCustomDBEngineVersion$: () => (/* reexport */ schemas_0/* DeleteCustomDBEngineVersion$ */.HT0),
  DeleteCustomDBEngineVersionCommand: () => (/* reexport */ DeleteCustomDBEngineVersionCommand),
  DeleteCustomDBEngineVersionMessage$: () => (/* reexport */ schemas_0/* DeleteCustomDBEngineVersionMessage$ */.EGN),
  DeleteDBCluster$: () => (/* reexport */ schemas_0/* DeleteDBCluster$ */.mRk),
  DeleteDBClusterAutomatedBackup$: () => (/* reexport */ schemas_0/* DeleteDBClusterAutomatedBackup$ */.Gfy),
  DeleteDBClusterAutomatedBackupCommand: () => (/* reexport */ DeleteDBClusterAutomatedBackupCommand),
  DeleteDBClusterAutomatedBackupMessage$: () => (/* reexport */ schemas_0/* DeleteDBClusterAutomatedBackupMessage$ */.veC),
  DeleteDBClusterAutomatedBackupResult$: () => (/* reexport */ schemas_0/* DeleteDBClusterAutomatedBackupResult$ */.DZj),
  DeleteDBClusterCommand: () => (/* reexport */ DeleteDBClusterCommand),
  DeleteDBClusterEndpoint$: () => (/* reexport */ schemas_0/* DeleteDBClusterEndpoint$ */.nrB),
  DeleteDBClusterEndpointCommand: () => (/* reexport */ DeleteDBClusterEndpointCommand),
  DeleteDBClusterEndpointMessage$: () => (/* reexport */ schemas_0/* DeleteDBClusterEndpointMessage$ */.wgr),
  DeleteDBClusterMessage$: () => (/* reexport */ schemas_0/* DeleteDBClusterMessage$ */.$Sk),
  DeleteDBClusterParameterGroup$: () => (/* reexport */ schemas_0/* DeleteDBClusterParameterGroup$ */.QH),
  DeleteDBClusterParameterGroupCommand: () => (/* reexport */ DeleteDBClusterParameterGroupCommand),
  DeleteDBClusterParameterGroupMessage$: () => (/* reexport */ schemas_0/* DeleteDBClusterParameterGroupMessage$ */.Pr8),
  DeleteDBClusterResult$: () => (/* reexport */ schemas_0/* DeleteDBClusterResult$ */.zH3),
  DeleteDBClusterSnapshot$: () => (/* reexport */ schemas_0/* DeleteDBClusterSnapshot$ */.ci0),
  DeleteDBClusterSnapshotCommand: () => (/* reexport */ DeleteDBClusterSnapshotCommand),
  DeleteDBClusterSnapshotMessage$: () => (/* reexport */ schemas_0/* DeleteDBClusterSnapshotMessage$ */.Lwm),
  DeleteDBClusterSnapshotResult$: () => (/* reexport */ schemas_0/* DeleteDBClusterSnapshotResult$ */.$1e),
  DeleteDBInstance$: () => (/* reexport */ schemas_0/* DeleteDBInstance$ */.VWL),
  DeleteDBInstanceAutomatedBackup$: () => (/* reexport */ schemas_0/* DeleteDBInstanceAutomatedBackup$ */.N9k),
  DeleteDBInstanceAutomatedBackupCommand: () => (/* reexport */ DeleteDBInstanceAutomatedBackupCommand),
  DeleteDBInstanceAutomatedBackupMessage$: () => (/* reexport */ schemas_0/* DeleteDBInstanceAutomatedBackupMessage$ */.S8N),
  DeleteDBInstanceAutomatedBackupResult$: () => (/* reexport */ schemas_0/* DeleteDBInstanceAutomatedBackupResult$ */.OUD),
  DeleteDBInstanceCommand: () => (/* reexport */ DeleteDBInstanceCommand),
  DeleteDBInstanceMessage$: () => (/* reexport */ schemas_0/* DeleteDBInstanceMessage$ */.GLk),
  DeleteDBInstanceResult$: () => (/* reexport */ schemas_0/* DeleteDBInstanceResult$ */.mdM),
  DeleteDBParameterGroup$: () => (/* reexport */ schemas_0/* DeleteDBParameterGroup$ */.gwN),
  DeleteDBParameterGroupCommand: () => (/* reexport */ DeleteDBParameterGroupCommand),
  DeleteDBParameterGroupMessage$: () => (/* reexport */ schemas_0/* DeleteDBParameterGroupMessage$ */.nEj),
  DeleteDBProxy$: () => (/* reexport */ schemas_0/* DeleteDBProxy$ */.eKI),
  DeleteDBProxyCommand: () => (/* reexport */ DeleteDBProxyCommand),
  DeleteDBProxyEndpoint$: () => (/* reexport */ schemas_0/* DeleteDBProxyEndpoint$ */.tJ1),
  DeleteDBProxyEndpointCommand: () => (/* reexport */ DeleteDBProxyEndpointCommand),
  DeleteDBProxyEndpointRequest$: () => (/* reexport */ schemas_0/* DeleteDBProxyEndpointRequest$ */.ocO),
  DeleteDBProxyEndpointResponse$: () => (/* reexport */ schemas_0/* DeleteDBProxyEndpointResponse$ */.y1T),
  DeleteDBProxyRequest$: () => (/* reexport */ schemas_0/* DeleteDBProxyRequest$ */.bEt),
  DeleteDBProxyResponse$: () => (/* reexport */ schemas_0/* DeleteDBProxyResponse$ */.fzv),
  DeleteDBSecurityGroup$: () => (/* reexport */ schemas_0/* DeleteDBSecurityGroup$ */.jE7),
  DeleteDBSecurityGroupCommand: () => (/* reexport */ DeleteDBSecurityGroupCommand),
  DeleteDBSecurityGroupMessage$: () => (/* reexport */ schemas_0/* DeleteDBSecurityGroupMessage$ */.IpP),
  DeleteDBShardGroup$: () => (/* reexport */ schemas_0/* DeleteDBShardGroup$ */.z5L),
  DeleteDBShardGroupCommand: () => (/* reexport */ DeleteDBShardGroupCommand),
  DeleteDBShardGroupMessage$: () => (/* reexport */ schemas_0/* DeleteDBShardGroupMessage$ */._pC),
  DeleteDBSnapshot$: () => (/* reexport */ schemas_0/* DeleteDBSnapshot$ */._oT),
  DeleteDBSnapshotCommand: () => (/* reexport */ DeleteDBSnapshotCommand),
  DeleteDBSnapshotMessage$: () => (/* reexport */ schemas_0/* DeleteDBSnapshotMessage$ */.RQ$),
  DeleteDBSnapshotResult$: () => (/* reexport */ schemas_0/* DeleteDBSnapshotResult$ */.tPP),
  DeleteDBSubnetGroup$: () => (/* reexport */ schemas_0/* DeleteDBSubnetGroup$ */.cTR),
  DeleteDBSubnetGroupCommand: () => (/* reexport */ DeleteDBSubnetGroupCommand),
  DeleteDBSubnetGroupMessage$: () => (/* reexport */ schemas_0/* DeleteDBSubnetGroupMessage$ */.$px),
  DeleteEventSubscription$: () => (/* reexport */ schemas_0/* DeleteEventSubscription$ */.xOK),
  DeleteEventSubscriptionCommand: () => (/* reexport */ DeleteEventSubscriptionCommand),
  DeleteEventSubscriptionMessage$: () => (/* reexport */ schemas_0/* DeleteEventSubscriptionMessage$ */.QAo),
  DeleteEventSubscriptionResult$: () => (/* reexport */ schemas_0/* DeleteEventSubscriptionResult$ */.wG3),
  DeleteGlobalCluster$: () => (/* reexport */ schemas_0/* DeleteGlobalCluster$ */.Jv),
  DeleteGlobalClusterCommand: () => (/* reexport */ DeleteGlobalClusterCommand),
  DeleteGlobalClusterMessage$: () => (/* reexport */ schemas_0/* DeleteGlobalClusterMessage$ */.c59),
  DeleteGlobalClusterResult$: () => (/* reexport */ schemas_0/* DeleteGlobalClusterResult$ */.WSg),
  DeleteIntegration$: () => (/* reexport */ schemas_0/* DeleteIntegration$ */.mQC),
  DeleteIntegrationCommand: () => (/* reexport */ DeleteIntegrationCommand),
  DeleteIntegrationMessage$: () => (/* reexport */ schemas_0/* DeleteIntegrationMessage$ */.XrS),
  DeleteOptionGroup$: () => (/* reexport */ schemas_0/* DeleteOptionGroup$ */.SX),
  DeleteOptionGroupCommand: () => (/* reexport */ DeleteOptionGroupCommand),
  DeleteOptionGroupMessage$: () => (/* reexport */ schemas_0/* DeleteOptionGroupMessage$ */.zqF),
  DeleteTenantDatabase$: () => (/* reexport */ schemas_0/* DeleteTenantDatabase$ */.hkm),
  DeleteTenantDatabaseCommand: () => (/* reexport */ DeleteTenantDatabaseCommand),
  DeleteTenantDatabaseMessage$: () => (/* reexport */ schemas_0/* DeleteTenantDatabaseMessage$ */.S19),
  DeleteTenantDatabaseResult$: () => (/* reexport */ schemas_0/* DeleteTenantDatabaseResult$ */.Gtg),
  DeregisterDBProxyTargets$: () => (/* reexport */ schemas_0/* DeregisterDBProxyTargets$ */.LDW),
  DeregisterDBProxyTargetsCommand: () => (/* reexport */ DeregisterDBProxyTargetsCommand),
  DeregisterDBProxyTargetsRequest$: () => (/* reexport */ schemas_0/* DeregisterDBProxyTargetsRequest$ */.eyE),
  DeregisterDBProxyTargetsResponse$: () => (/* reexport */ schemas_0/* DeregisterDBProxyTargetsResponse$ */.wZR),
  DescribeAccountAttributes$: () => (/* reexport */ schemas_0/* DescribeAccountAttributes$ */.Qoe),
  DescribeAccountAttributesCommand: () => (/* reexport */ DescribeAccountAttributesCommand),
  DescribeAccountAttributesMessage$: () => (/* reexport */ schemas_0/* DescribeAccountAttributesMessage$ */.BJO),
  DescribeBlueGreenDeployments$: () => (/* reexport */ schemas_0/* DescribeBlueGreenDeployments$ */.Hs4),
  DescribeBlueGreenDeploymentsCommand: () => (/* reexport */ DescribeBlueGreenDeploymentsCommand),
  DescribeBlueGreenDeploymentsRequest$: () => (/* reexport */ schemas_0/* DescribeBlueGreenDeploymentsRequest$ */.oos),
  DescribeBlueGreenDeploymentsResponse$: () => (/* reexport */ schemas_0/* DescribeBlueGreenDeploymentsResponse$ */.QUY),
  DescribeCertificates$: () => (/* reexport */ schemas_0/* DescribeCertificates$ */.wpE),
  DescribeCertificatesCommand: () => (/* reexport */ DescribeCertificatesCommand),
  DescribeCertificatesMessage$: () => (/* reexport */ schemas_0/* DescribeCertificatesMessage$ */.LhN),
  DescribeDBCapacityReservations$: () => (/* reexport */ schemas_0/* DescribeDBCapacityReservations$ */.N5O),
  DescribeDBCapacityReservationsCommand: () => (/* reexport */ DescribeDBCapacityReservationsCommand),
  DescribeDBCapacityReservationsRequest$: () => (/* reexport */ schemas_0/* DescribeDBCapacityReservationsRequest$ */.wIO),
  DescribeDBCapacityReservationsResponse$: () => (/* reexport */ schemas_0/* DescribeDBCapacityReservationsResponse$ */.aDy),
  DescribeDBClusterAutomatedBackups$: () => (/* reexport */ schemas_0/* DescribeDBClusterAutomatedBackups$ */.rcV),
  DescribeDBClusterAutomatedBackupsCommand: () => (/* reexport */ DescribeDBClusterAutomatedBackupsCommand),
  DescribeDBClusterAutomatedBackupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterAutomatedBackupsMessage$ */._0C),
  DescribeDBClusterBacktracks$: () => (/* reexport */ schemas_0/* DescribeDBClusterBacktracks$ */.PJN),
  DescribeDBClusterBacktracksCommand: () => (/* reexport */ DescribeDBClusterBacktracksCommand),
  DescribeDBClusterBacktracksMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterBacktracksMessage$ */.atl),
  DescribeDBClusterEndpoints$: () => (/* reexport */ schemas_0/* DescribeDBClusterEndpoints$ */.iDY),
  DescribeDBClusterEndpointsCommand: () => (/* reexport */ DescribeDBClusterEndpointsCommand),
  DescribeDBClusterEndpointsMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterEndpointsMessage$ */.N9t),
  DescribeDBClusterParameterGroups$: () => (/* reexport */ schemas_0/* DescribeDBClusterParameterGroups$ */.$F),
  DescribeDBClusterParameterGroupsCommand: () => (/* reexport */ DescribeDBClusterParameterGroupsCommand),
  DescribeDBClusterParameterGroupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterParameterGroupsMessage$ */._FP),
  DescribeDBClusterParameters$: () => (/* reexport */ schemas_0/* DescribeDBClusterParameters$ */.Qtb),
  DescribeDBClusterParametersCommand: () => (/* reexport */ DescribeDBClusterParametersCommand),
  DescribeDBClusterParametersMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterParametersMessage$ */.hIp),
  DescribeDBClusterSnapshotAttributes$: () => (/* reexport */ schemas_0/* DescribeDBClusterSnapshotAttributes$ */.Jd4),
  DescribeDBClusterSnapshotAttributesCommand: () => (/* reexport */ DescribeDBClusterSnapshotAttributesCommand),
  DescribeDBClusterSnapshotAttributesMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterSnapshotAttributesMessage$ */.MvP),
  DescribeDBClusterSnapshotAttributesResult$: () => (/* reexport */ schemas_0/* DescribeDBClusterSnapshotAttributesResult$ */.Wcz),
  DescribeDBClusterSnapshots$: () => (/* reexport */ schemas_0/* DescribeDBClusterSnapshots$ */.LGZ),
  DescribeDBClusterSnapshotsCommand: () => (/* reexport */ DescribeDBClusterSnapshotsCommand),
  DescribeDBClusterSnapshotsMessage$: () => (/* reexport */ schemas_0/* DescribeDBClusterSnapshotsMessage$ */._GC),
  DescribeDBClusters$: () => (/* reexport */ schemas_0/* DescribeDBClusters$ */.nIX),
  DescribeDBClustersCommand: () => (/* reexport */ DescribeDBClustersCommand),
  DescribeDBClustersMessage$: () => (/* reexport */ schemas_0/* DescribeDBClustersMessage$ */.Sgk),
  DescribeDBEngineVersions$: () => (/* reexport */ schemas_0/* DescribeDBEngineVersions$ */.Ts),
  DescribeDBEngineVersionsCommand: () => (/* reexport */ DescribeDBEngineVersionsCommand),
  DescribeDBEngineVersionsMessage$: () => (/* reexport */ schemas_0/* DescribeDBEngineVersionsMessage$ */.KYG),
  DescribeDBInstanceAutomatedBackups$: () => (/* reexport */ schemas_0/* DescribeDBInstanceAutomatedBackups$ */.MF0),
  DescribeDBInstanceAutomatedBackupsCommand: () => (/* reexport */ DescribeDBInstanceAutomatedBackupsCommand),
  DescribeDBInstanceAutomatedBackupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBInstanceAutomatedBackupsMessage$ */.nJ$),
  DescribeDBInstances$: () => (/* reexport */ schemas_0/* DescribeDBInstances$ */.WLA),
  DescribeDBInstancesCommand: () => (/* reexport */ DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h),
  DescribeDBInstancesMessage$: () => (/* reexport */ schemas_0/* DescribeDBInstancesMessage$ */.FTF),
  DescribeDBLogFiles$: () => (/* reexport */ schemas_0/* DescribeDBLogFiles$ */.NgS),
  DescribeDBLogFilesCommand: () => (/* reexport */ DescribeDBLogFilesCommand),
  DescribeDBLogFilesDetails$: () => (/* reexport */ schemas_0/* DescribeDBLogFilesDetails$ */.x67),
  DescribeDBLogFilesMessage$: () => (/* reexport */ schemas_0/* DescribeDBLogFilesMessage$ */._vV),
  DescribeDBLogFilesResponse$: () => (/* reexport */ schemas_0/* DescribeDBLogFilesResponse$ */.aab),
  DescribeDBMajorEngineVersions$: () => (/* reexport */ schemas_0/* DescribeDBMajorEngineVersions$ */.Erg),
  DescribeDBMajorEngineVersionsCommand: () => (/* reexport */ DescribeDBMajorEngineVersionsCommand),
  DescribeDBMajorEngineVersionsRequest$: () => (/* reexport */ schemas_0/* DescribeDBMajorEngineVersionsRequest$ */.zM$),
  DescribeDBMajorEngineVersionsResponse$: () => (/* reexport */ schemas_0/* DescribeDBMajorEngineVersionsResponse$ */.pEj),
  DescribeDBParameterGroups$: () => (/* reexport */ schemas_0/* DescribeDBParameterGroups$ */.jKI),
  DescribeDBParameterGroupsCommand: () => (/* reexport */ DescribeDBParameterGroupsCommand),
  DescribeDBParameterGroupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBParameterGroupsMessage$ */.oVG),
  DescribeDBParameters$: () => (/* reexport */ schemas_0/* DescribeDBParameters$ */.a5e),
  DescribeDBParametersCommand: () => (/* reexport */ DescribeDBParametersCommand),
  DescribeDBParametersMessage$: () => (/* reexport */ schemas_0/* DescribeDBParametersMessage$ */.Xo),
  DescribeDBProxies$: () => (/* reexport */ schemas_0/* DescribeDBProxies$ */.u9W),
  DescribeDBProxiesCommand: () => (/* reexport */ DescribeDBProxiesCommand),
  DescribeDBProxiesRequest$: () => (/* reexport */ schemas_0/* DescribeDBProxiesRequest$ */.rrd),
  DescribeDBProxiesResponse$: () => (/* reexport */ schemas_0/* DescribeDBProxiesResponse$ */.b_A),
  DescribeDBProxyEndpoints$: () => (/* reexport */ schemas_0/* DescribeDBProxyEndpoints$ */.kVW),
  DescribeDBProxyEndpointsCommand: () => (/* reexport */ DescribeDBProxyEndpointsCommand),
  DescribeDBProxyEndpointsRequest$: () => (/* reexport */ schemas_0/* DescribeDBProxyEndpointsRequest$ */.JNH),
  DescribeDBProxyEndpointsResponse$: () => (/* reexport */ schemas_0/* DescribeDBProxyEndpointsResponse$ */.Hti),
  DescribeDBProxyTargetGroups$: () => (/* reexport */ schemas_0/* DescribeDBProxyTargetGroups$ */.z3P),
  DescribeDBProxyTargetGroupsCommand: () => (/* reexport */ DescribeDBProxyTargetGroupsCommand),
  DescribeDBProxyTargetGroupsRequest$: () => (/* reexport */ schemas_0/* DescribeDBProxyTargetGroupsRequest$ */.YlR),
  DescribeDBProxyTargetGroupsResponse$: () => (/* reexport */ schemas_0/* DescribeDBProxyTargetGroupsResponse$ */.Q90),
  DescribeDBProxyTargets$: () => (/* reexport */ schemas_0/* DescribeDBProxyTargets$ */.I1s),
  DescribeDBProxyTargetsCommand: () => (/* reexport */ DescribeDBProxyTargetsCommand),
  DescribeDBProxyTargetsRequest$: () => (/* reexport */ schemas_0/* DescribeDBProxyTargetsRequest$ */.Hif),
  DescribeDBProxyTargetsResponse$: () => (/* reexport */ schemas_0/* DescribeDBProxyTargetsResponse$ */.Jc1),
  DescribeDBRecommendations$: () => (/* reexport */ schemas_0/* DescribeDBRecommendations$ */.sEO),
  DescribeDBRecommendationsCommand: () => (/* reexport */ DescribeDBRecommendationsCommand),
  DescribeDBRecommendationsMessage$: () => (/* reexport */ schemas_0/* DescribeDBRecommendationsMessage$ */.nub),
  DescribeDBSecurityGroups$: () => (/* reexport */ schemas_0/* DescribeDBSecurityGroups$ */._cI),
  DescribeDBSecurityGroupsCommand: () => (/* reexport */ DescribeDBSecurityGroupsCommand),
  DescribeDBSecurityGroupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBSecurityGroupsMessage$ */.x8p),
  DescribeDBShardGroups$: () => (/* reexport */ schemas_0/* DescribeDBShardGroups$ */.cCz),
  DescribeDBShardGroupsCommand: () => (/* reexport */ DescribeDBShardGroupsCommand),
  DescribeDBShardGroupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBShardGroupsMessage$ */.Ha6),
  DescribeDBShardGroupsResponse$: () => (/* reexport */ schemas_0/* DescribeDBShardGroupsResponse$ */.B7N),
  DescribeDBSnapshotAttributes$: () => (/* reexport */ schemas_0/* DescribeDBSnapshotAttributes$ */.JgM),
  DescribeDBSnapshotAttributesCommand: () => (/* reexport */ DescribeDBSnapshotAttributesCommand),
  DescribeDBSnapshotAttributesMessage$: () => (/* reexport */ schemas_0/* DescribeDBSnapshotAttributesMessage$ */.ouz),
  DescribeDBSnapshotAttributesResult$: () => (/* reexport */ schemas_0/* DescribeDBSnapshotAttributesResult$ */.Cxu),
  DescribeDBSnapshotTenantDatabases$: () => (/* reexport */ schemas_0/* DescribeDBSnapshotTenantDatabases$ */.eyi),
  DescribeDBSnapshotTenantDatabasesCommand: () => (/* reexport */ DescribeDBSnapshotTenantDatabasesCommand),
  DescribeDBSnapshotTenantDatabasesMessage$: () => (/* reexport */ schemas_0/* DescribeDBSnapshotTenantDatabasesMessage$ */.ztX),
  DescribeDBSnapshots$: () => (/* reexport */ schemas_0/* DescribeDBSnapshots$ */.x2x),
  DescribeDBSnapshotsCommand: () => (/* reexport */ DescribeDBSnapshotsCommand),
  DescribeDBSnapshotsMessage$: () => (/* reexport */ schemas_0/* DescribeDBSnapshotsMessage$ */.sGJ),
  DescribeDBSubnetGroups$: () => (/* reexport */ schemas_0/* DescribeDBSubnetGroups$ */.FWW),
  DescribeDBSubnetGroupsCommand: () => (/* reexport */ DescribeDBSubnetGroupsCommand),
  DescribeDBSubnetGroupsMessage$: () => (/* reexport */ schemas_0/* DescribeDBSubnetGroupsMessage$ */._FG),
  DescribeEngineDefaultClusterParameters$: () => (/* reexport */ schemas_0/* DescribeEngineDefaultClusterParameters$ */.$Ts),
  DescribeEngineDefaultClusterParametersCommand: () => (/* reexport */ DescribeEngineDefaultClusterParametersCommand),
  DescribeEngineDefaultClusterParametersMessage$: () => (/* reexport */ schemas_0/* DescribeEngineDefaultClusterParametersMessage$ */.ggN),
  DescribeEngineDefaultClusterParametersResult$: () => (/* reexport */ schemas_0/* DescribeEngineDefaultClusterParametersResult$ */.gIq),
  DescribeEngineDefaultParameters$: () => (/* reexport */ schemas_0/* DescribeEngineDefaultParameters$ */.vLA),
  DescribeEngineDefaultParametersCommand: () => (/* reexport */ DescribeEngineDefaultParametersCommand),
  DescribeEngineDefaultParametersMessage$: () => (/* reexport */ schemas_0/* DescribeEngineDefaultParametersMessage$ */.cKC),
  DescribeEngineDefaultParametersResult$: () => (/* reexport */ schemas_0/* DescribeEngineDefaultParametersResult$ */.mXR),
  DescribeEventCategories$: () => (/* reexport */ schemas_0/* DescribeEventCategories$ */.UNk),
  DescribeEventCategoriesCommand: () => (/* reexport */ DescribeEventCategoriesCommand),
  DescribeEventCategoriesMessage$: () => (/* reexport */ schemas_0/* DescribeEventCategoriesMessage$ */.jnl),
  DescribeEventSubscriptions$: () => (/* reexport */ schemas_0/* DescribeEventSubscriptions$ */.iRv),
  DescribeEventSubscriptionsCommand: () => (/* reexport */ DescribeEventSubscriptionsCommand),
  DescribeEventSubscriptionsMessage$: () => (/* reexport */ schemas_0/* DescribeEventSubscriptionsMessage$ */.Pmd),
  DescribeEvents$: () => (/* reexport */ schemas_0/* DescribeEvents$ */.J7M),
  DescribeEventsCommand: () => (/* reexport */ DescribeEventsCommand),
  DescribeEventsMessage$: () => (/* reexport */ schemas_0/* DescribeEventsMessage$ */.SKA),
  DescribeExportTasks$: () => (/* reexport */ schemas_0/* DescribeExportTasks$ */.Ujv),
  DescribeExportTasksCommand: () => (/* reexport */ DescribeExportTasksCommand),
  DescribeExportTasksMessage$: () => (/* reexport */ schemas_0/* DescribeExportTasksMessage$ */.J0G),
  DescribeGlobalClusters$: () => (/* reexport */ schemas_0/* DescribeGlobalClusters$ */.K6b),
  DescribeGlobalClustersCommand: () => (/* reexport */ DescribeGlobalClustersCommand),
  DescribeGlobalClustersMessage$: () => (/* reexport */ schemas_0/* DescribeGlobalClustersMessage$ */.zjf),
  DescribeIntegrations$: () => (/* reexport */ schemas_0/* DescribeIntegrations$ */.Z27),
  DescribeIntegrationsCommand: () => (/* reexport */ DescribeIntegrationsCommand),
  DescribeIntegrationsMessage$: () => (/* reexport */ schemas_0/* DescribeIntegrationsMessage$ */.GHq),
  DescribeIntegrationsResponse$: () => (/* reexport */ schemas_0/* DescribeIntegrationsResponse$ */.Qdq),
  DescribeOptionGroupOptions$: () => (/* reexport */ schemas_0/* DescribeOptionGroupOptions$ */.Q09),
  DescribeOptionGroupOptionsCommand: () => (/* reexport */ DescribeOptionGroupOptionsCommand),
  DescribeOptionGroupOptionsMessage$: () => (/* reexport */ schemas_0/* DescribeOptionGroupOptionsMessage$ */.TI3),
  DescribeOptionGroups$: () => (/* reexport */ schemas_0/* DescribeOptionGroups$ */.dF3),
  DescribeOptionGroupsCommand: () => (/* reexport */ DescribeOptionGroupsCommand),
  DescribeOptionGroupsMessage$: () => (/* reexport */ schemas_0/* DescribeOptionGroupsMessage$ */.Oow),
  DescribeOrderableDBInstanceOptions$: () => (/* reexport */ schemas_0/* DescribeOrderableDBInstanceOptions$ */.zu3),
  DescribeOrderableDBInstanceOptionsCommand: () => (/* reexport */ DescribeOrderableDBInstanceOptionsCommand),
  DescribeOrderableDBInstanceOptionsMessage$: () => (/* reexport */ schemas_0/* DescribeOrderableDBInstanceOptionsMessage$ */.Mds),
  DescribePendingMaintenanceActions$: () => (/* reexport */ schemas_0/* DescribePendingMaintenanceActions$ */.TWW),
  DescribePendingMaintenanceActionsCommand: () => (/* reexport */ DescribePendingMaintenanceActionsCommand),
  DescribePendingMaintenanceActionsMessage$: () => (/* reexport */ schemas_0/* DescribePendingMaintenanceActionsMessage$ */.qsl),
  DescribeReservedDBInstances$: () => (/* reexport */ schemas_0/* DescribeReservedDBInstances$ */.AGK),
  DescribeReservedDBInstancesCommand: () => (/* reexport */ DescribeReservedDBInstancesCommand),
  DescribeReservedDBInstancesMessage$: () => (/* reexport */ schemas_0/* DescribeReservedDBInstancesMessage$ */.N$c),
  DescribeReservedDBInstancesOfferings$: () => (/* reexport */ schemas_0/* DescribeReservedDBInstancesOfferings$ */.HoY),
  DescribeReservedDBInstancesOfferingsCommand: () => (/* reexport */ DescribeReservedDBInstancesOfferingsCommand),
  DescribeReservedDBInstancesOfferingsMessage$: () => (/* reexport */ schemas_0/* DescribeReservedDBInstancesOfferingsMessage$ */.SKR),
  DescribeServerlessV2PlatformVersions$: () => (/* reexport */ schemas_0/* DescribeServerlessV2PlatformVersions$ */.MBP),
  DescribeServerlessV2PlatformVersionsCommand: () => (/* reexport */ DescribeServerlessV2PlatformVersionsCommand),
  DescribeServerlessV2PlatformVersionsMessage$: () => (/* reexport */ schemas_0/* DescribeServerlessV2PlatformVersionsMessage$ */.HbF),
  DescribeSourceRegions$: () => (/* reexport */ schemas_0/* DescribeSourceRegions$ */.kAL),
  DescribeSourceRegionsCommand: () => (/* reexport */ DescribeSourceRegionsCommand),
  DescribeSourceRegionsMessage$: () => (/* reexport */ schemas_0/* DescribeSourceRegionsMessage$ */.T0_),
  DescribeTenantDatabases$: () => (/* reexport */ schemas_0/* DescribeTenantDatabases$ */.W9I),
  DescribeTenantDatabasesCommand: () => (/* reexport */ DescribeTenantDatabasesCommand),
  DescribeTenantDatabasesMessage$: () => (/* reexport */ schemas_0/* DescribeTenantDatabasesMessage$ */.NjE),
  DescribeValidDBInstanceModifications$: () => (/* reexport */ schemas_0/* DescribeValidDBInstanceModifications$ */.c1p),
  DescribeValidDBInstanceModificationsCommand: () => (/* reexport */ DescribeValidDBInstanceModificationsCommand),
  DescribeValidDBInstanceModificationsMessage$: () => (/* reexport */ schemas_0/* DescribeValidDBInstanceModificationsMessage$ */.DlF),
  DescribeValidDBInstanceModificationsResult$: () => (/* reexport */ schemas_0/* DescribeValidDBInstanceModificationsResult$ */.xhT),
  DisableHttpEndpoint$: () => (/* reexport */ schemas_0/* DisableHttpEndpoint$ */.GRu),
  DisableHttpEndpointCommand: () => (/* reexport */ DisableHttpEndpointCommand),
  DisableHttpEndpointRequest$: () => (/* reexport */ schemas_0/* DisableHttpEndpointRequest$ */.fJu),
  DisableHttpEndpointResponse$: () => (/* reexport */ schemas_0/* DisableHttpEndpointResponse$ */.Xwr),
  DocLink$: () => (/* reexport */ schemas_0/* DocLink$ */.n86),
  DomainMembership$: () => (/* reexport */ schemas_0/* DomainMembership$ */.Xum),
  DomainNotFoundFault: () => (/* reexport */ errors/* DomainNotFoundFault */.IS),
  DomainNotFoundFault$: () => (/* reexport */ schemas_0/* DomainNotFoundFault$ */.mLR),
  DoubleRange$: () => (/* reexport */ schemas_0/* DoubleRange$ */.biw),
  DownloadDBLogFilePortion$: () => (/* reexport */ schemas_0/* DownloadDBLogFilePortion$ */.ohm),
  DownloadDBLogFilePortionCommand: () => (/* reexport */ DownloadDBLogFilePortionCommand),
  DownloadDBLogFilePortionDetails$: () => (/* reexport */ schemas_0/* DownloadDBLogFilePortionDetails$ */.Awc),
  DownloadDBLogFilePortionMessage$: () => (/* reexport */ schemas_0/* DownloadDBLogFilePortionMessage$ */.BYf),
  EC2SecurityGroup$: () => (/* reexport */ schemas_0/* EC2SecurityGroup$ */.o_8),
  Ec2ImagePropertiesNotSupportedFault: () => (/* reexport */ errors/* Ec2ImagePropertiesNotSupportedFault */.Kn),
  Ec2ImagePropertiesNotSupportedFault$: () => (/* reexport */ schemas_0/* Ec2ImagePropertiesNotSupportedFault$ */.mXU),
  EnableHttpEndpoint$: () => (/* reexport */ schemas_0/* EnableHttpEndpoint$ */.ZMc),
  EnableHttpEndpointCommand: () => (/* reexport */ EnableHttpEndpointCommand),
  EnableHttpEndpointRequest$: () => (/* reexport */ schemas_0/* EnableHttpEndpointRequest$ */.krG),
  EnableHttpEndpointResponse$: () => (/* reexport */ schemas_0/* EnableHttpEndpointResponse$ */.SaI),
  EndDateType: () => (/* reexport */ EndDateType),
  Endpoint$: () => (/* reexport */ schemas_0/* Endpoint$ */.knr),
  EndpointNetworkType: () => (/* reexport */ EndpointNetworkType),
  EngineDefaults$: () => (/* reexport */ schemas_0/* EngineDefaults$ */.xFx),
  EngineFamily: () => (/* reexport */ EngineFamily),
  Event$: () => (/* reexport */ schemas_0/* Event$ */.NAC),
  EventCategoriesMap$: () => (/* reexport */ schemas_0/* EventCategoriesMap$ */.h8u),
  EventCategoriesMessage$: () => (/* reexport */ schemas_0/* EventCategoriesMessage$ */.Uy9),
  EventSubscription$: () => (/* reexport */ schemas_0/* EventSubscription$ */.MqS),
  EventSubscriptionQuotaExceededFault: () => (/* reexport */ errors/* EventSubscriptionQuotaExceededFault */.B_),
  EventSubscriptionQuotaExceededFault$: () => (/* reexport */ schemas_0/* EventSubscriptionQuotaExceededFault$ */.Z5X),
  EventSubscriptionsMessage$: () => (/* reexport */ schemas_0/* EventSubscriptionsMessage$ */.s6S),
  EventsMessage$: () => (/* reexport */ schemas_0/* EventsMessage$ */.paD),
  ExportSourceType: () => (/* reexport */ ExportSourceType),
  ExportTask$: () => (/* reexport */ schemas_0/* ExportTask$ */.s2E),
  ExportTaskAlreadyExistsFault: () => (/* reexport */ errors/* ExportTaskAlreadyExistsFault */.y5),
  ExportTaskAlreadyExistsFault$: () => (/* reexport */ schemas_0/* ExportTaskAlreadyExistsFault$ */.oyj),
  ExportTaskNotFoundFault: () => (/* reexport */ errors/* ExportTaskNotFoundFault */.R9),
  ExportTaskNotFoundFault$: () => (/* reexport */ schemas_0/* ExportTaskNotFoundFault$ */.zH),
  ExportTasksMessage$: () => (/* reexport */ schemas_0/* ExportTasksMessage$ */.a9Y),
  FailoverDBCluster$: () => (/* reexport */ schemas_0/* FailoverDBCluster$ */.YeP),
  FailoverDBClusterCommand: () => (/* reexport */ FailoverDBClusterCommand),
  FailoverDBClusterMessage$: () => (/* reexport */ schemas_0/* FailoverDBClusterMessage$ */.A7f),
  FailoverDBClusterResult$: () => (/* reexport */ schemas_0/* FailoverDBClusterResult$ */.Idw),
  FailoverGlobalCluster$: () => (/* reexport */ schemas_0/* FailoverGlobalCluster$ */._nG),
  FailoverGlobalClusterCommand: () => (/* reexport */ FailoverGlobalClusterCommand),
  FailoverGlobalClusterMessage$: () => (/* reexport */ schemas_0/* FailoverGlobalClusterMessage$ */.R9U),
  FailoverGlobalClusterResult$: () => (/* reexport */ schemas_0/* FailoverGlobalClusterResult$ */.FM9),
  FailoverState$: () => (/* reexport */ schemas_0/* FailoverState$ */.Ypp),
  FailoverStatus: () => (/* reexport */ FailoverStatus),
  Filter$: () => (/* reexport */ schemas_0/* Filter$ */.X$X),
  GlobalCluster$: () => (/* reexport */ schemas_0/* GlobalCluster$ */.E9E),
  GlobalClusterAlreadyExistsFault: () => (/* reexport */ errors/* GlobalClusterAlreadyExistsFault */.QP),
  GlobalClusterAlreadyExistsFault$: () => (/* reexport */ schemas_0/* GlobalClusterAlreadyExistsFault$ */.AN_),
  GlobalClusterMember$: () => (/* reexport */ schemas_0/* GlobalClusterMember$ */.yPc),
  GlobalClusterMemberSynchronizationStatus: () => (/* reexport */ GlobalClusterMemberSynchronizationStatus),
  GlobalClusterNotFoundFault: () => (/* reexport */ errors/* GlobalClusterNotFoundFault */.vp),
  GlobalClusterNotFoundFault$: () => (/* reexport */ schemas_0/* GlobalClusterNotFoundFault$ */.JzS),
  GlobalClusterQuotaExceededFault: () => (/* reexport */ errors/* GlobalClusterQuotaExceededFault */.dd),
  GlobalClusterQuotaExceededFault$: () => (/* reexport */ schemas_0/* GlobalClusterQuotaExceededFault$ */.zd8),
  GlobalClustersMessage$: () => (/* reexport */ schemas_0/* GlobalClustersMessage$ */.Yxk),
  IAMAuthMode: () => (/* reexport */ IAMAuthMode),
  IPRange$: () => (/* reexport */ schemas_0/* IPRange$ */.xP8),
  IamRoleMissingPermissionsFault: () => (/* reexport */ errors/* IamRoleMissingPermissionsFault */.u5),
  IamRoleMissingPermissionsFault$: () => (/* reexport */ schemas_0/* IamRoleMissingPermissionsFault$ */.ej0),
  IamRoleNotFoundFault: () => (/* reexport */ errors/* IamRoleNotFoundFault */.bE),
  IamRoleNotFoundFault$: () => (/* reexport */ schemas_0/* IamRoleNotFoundFault$ */.LPJ),
  InstanceQuotaExceededFault: () => (/* reexport */ errors/* InstanceQuotaExceededFault */.FG),
  InstanceQuotaExceededFault$: () => (/* reexport */ schemas_0/* InstanceQuotaExceededFault$ */.Dc8),
  InsufficientAvailableIPsInSubnetFault: () => (/* reexport */ errors/* InsufficientAvailableIPsInSubnetFault */.T3),
  InsufficientAvailableIPsInSubnetFault$: () => (/* reexport */ schemas_0/* InsufficientAvailableIPsInSubnetFault$ */.$cs),
  InsufficientDBClusterCapacityFault: () => (/* reexport */ errors/* InsufficientDBClusterCapacityFault */.uJ),
  InsufficientDBClusterCapacityFault$: () => (/* reexport */ schemas_0/* InsufficientDBClusterCapacityFault$ */.iTJ),
  InsufficientDBInstanceCapacityFault: () => (/* reexport */ errors/* InsufficientDBInstanceCapacityFault */.zJ),
  InsufficientDBInstanceCapacityFault$: () => (/* reexport */ schemas_0/* InsufficientDBInstanceCapacityFault$ */.dJJ),
  InsufficientStorageClusterCapacityFault: () => (/* reexport */ errors/* InsufficientStorageClusterCapacityFault */.jj),
  InsufficientStorageClusterCapacityFault$: () => (/* reexport */ schemas_0/* InsufficientStorageClusterCapacityFault$ */.$gm),
  Integration$: () => (/* reexport */ schemas_0/* Integration$ */.bad),
  IntegrationAlreadyExistsFault: () => (/* reexport */ errors/* IntegrationAlreadyExistsFault */.fX),
  IntegrationAlreadyExistsFault$: () => (/* reexport */ schemas_0/* IntegrationAlreadyExistsFault$ */.hnu),
  IntegrationConflictOperationFault: () => (/* reexport */ errors/* IntegrationConflictOperationFault */.MV),
  IntegrationConflictOperationFault$: () => (/* reexport */ schemas_0/* IntegrationConflictOperationFault$ */.Mvm),
  IntegrationError$: () => (/* reexport */ schemas_0/* IntegrationError$ */.ZJs),
  IntegrationNotFoundFault: () => (/* reexport */ errors/* IntegrationNotFoundFault */.WX),
  IntegrationNotFoundFault$: () => (/* reexport */ schemas_0/* IntegrationNotFoundFault$ */.abV),
  IntegrationQuotaExceededFault: () => (/* reexport */ errors/* IntegrationQuotaExceededFault */.Ct),
  IntegrationQuotaExceededFault$: () => (/* reexport */ schemas_0/* IntegrationQuotaExceededFault$ */.mRn),
  IntegrationStatus: () => (/* reexport */ IntegrationStatus),
  InvalidBlueGreenDeploymentStateFault: () => (/* reexport */ errors/* InvalidBlueGreenDeploymentStateFault */.Vn),
  InvalidBlueGreenDeploymentStateFault$: () => (/* reexport */ schemas_0/* InvalidBlueGreenDeploymentStateFault$ */.blJ),
  InvalidCustomDBEngineVersionStateFault: () => (/* reexport */ errors/* InvalidCustomDBEngineVersionStateFault */.$w),
  InvalidCustomDBEngineVersionStateFault$: () => (/* reexport */ schemas_0/* InvalidCustomDBEngineVersionStateFault$ */.S$0),
  InvalidDBCapacityReservationStateFault: () => (/* reexport */ errors/* InvalidDBCapacityReservationStateFault */.Di),
  InvalidDBCapacityReservationStateFault$: () => (/* reexport */ schemas_0/* InvalidDBCapacityReservationStateFault$ */.BKT),
  InvalidDBClusterAutomatedBackupStateFault: () => (/* reexport */ errors/* InvalidDBClusterAutomatedBackupStateFault */.RR),
  InvalidDBClusterAutomatedBackupStateFault$: () => (/* reexport */ schemas_0/* InvalidDBClusterAutomatedBackupStateFault$ */.bZ$),
  InvalidDBClusterCapacityFault: () => (/* reexport */ errors/* InvalidDBClusterCapacityFault */.kV),
  InvalidDBClusterCapacityFault$: () => (/* reexport */ schemas_0/* InvalidDBClusterCapacityFault$ */.An),
  InvalidDBClusterEndpointStateFault: () => (/* reexport */ errors/* InvalidDBClusterEndpointStateFault */.y1),
  InvalidDBClusterEndpointStateFault$: () => (/* reexport */ schemas_0/* InvalidDBClusterEndpointStateFault$ */.EeS),
  InvalidDBClusterSnapshotStateFault: () => (/* reexport */ errors/* InvalidDBClusterSnapshotStateFault */.hn),
  InvalidDBClusterSnapshotStateFault$: () => (/* reexport */ schemas_0/* InvalidDBClusterSnapshotStateFault$ */.psW),
  InvalidDBClusterStateFault: () => (/* reexport */ errors/* InvalidDBClusterStateFault */.ji),
  InvalidDBClusterStateFault$: () => (/* reexport */ schemas_0/* InvalidDBClusterStateFault$ */.xSY),
  InvalidDBInstanceAutomatedBackupStateFault: () => (/* reexport */ errors/* InvalidDBInstanceAutomatedBackupStateFault */.m8),
  InvalidDBInstanceAutomatedBackupStateFault$: () => (/* reexport */ schemas_0/* InvalidDBInstanceAutomatedBackupStateFault$ */.wt8),
  InvalidDBInstanceStateFault: () => (/* reexport */ errors/* InvalidDBInstanceStateFault */.o4),
  InvalidDBInstanceStateFault$: () => (/* reexport */ schemas_0/* InvalidDBInstanceStateFault$ */.cQF),
  InvalidDBParameterGroupStateFault: () => (/* reexport */ errors/* InvalidDBParameterGroupStateFault */.BX),
  InvalidDBParameterGroupStateFault$: () => (/* reexport */ schemas_0/* InvalidDBParameterGroupStateFault$ */.d2p),
  InvalidDBProxyEndpointStateFault: () => (/* reexport */ errors/* InvalidDBProxyEndpointStateFault */.s5),
  InvalidDBProxyEndpointStateFault$: () => (/* reexport */ schemas_0/* InvalidDBProxyEndpointStateFault$ */.kdj),
  InvalidDBProxyStateFault: () => (/* reexport */ errors/* InvalidDBProxyStateFault */.tM),
  InvalidDBProxyStateFault$: () => (/* reexport */ schemas_0/* InvalidDBProxyStateFault$ */.Doo),
  InvalidDBSecurityGroupStateFault: () => (/* reexport */ errors/* InvalidDBSecurityGroupStateFault */.k$),
  InvalidDBSecurityGroupStateFault$: () => (/* reexport */ schemas_0/* InvalidDBSecurityGroupStateFault$ */.QfR),
  InvalidDBShardGroupStateFault: () => (/* reexport */ errors/* InvalidDBShardGroupStateFault */.se),
  InvalidDBShardGroupStateFault$: () => (/* reexport */ schemas_0/* InvalidDBShardGroupStateFault$ */.UIT),
  InvalidDBSnapshotStateFault: () => (/* reexport */ errors/* InvalidDBSnapshotStateFault */.BQ),
  InvalidDBSnapshotStateFault$: () => (/* reexport */ schemas_0/* InvalidDBSnapshotStateFault$ */.fcZ),
  InvalidDBSubnetGroupFault: () => (/* reexport */ errors/* InvalidDBSubnetGroupFault */.O3),
  InvalidDBSubnetGroupFault$: () => (/* reexport */ schemas_0/* InvalidDBSubnetGroupFault$ */.aZq),
  InvalidDBSubnetGroupStateFault: () => (/* reexport */ errors/* InvalidDBSubnetGroupStateFault */.Bi),
  InvalidDBSubnetGroupStateFault$: () => (/* reexport */ schemas_0/* InvalidDBSubnetGroupStateFault$ */.Fbl),
  InvalidDBSubnetStateFault: () => (/* reexport */ errors/* InvalidDBSubnetStateFault */.Ks),
  InvalidDBSubnetStateFault$: () => (/* reexport */ schemas_0/* InvalidDBSubnetStateFault$ */.K4t),
  InvalidEventSubscriptionStateFault: () => (/* reexport */ errors/* InvalidEventSubscriptionStateFault */.W$),
  InvalidEventSubscriptionStateFault$: () => (/* reexport */ schemas_0/* InvalidEventSubscriptionStateFault$ */.cSM),
  InvalidExportOnlyFault: () => (/* reexport */ errors/* InvalidExportOnlyFault */.i2),
  InvalidExportOnlyFault$: () => (/* reexport */ schemas_0/* InvalidExportOnlyFault$ */.SoJ),
  InvalidExportSourceStateFault: () => (/* reexport */ errors/* InvalidExportSourceStateFault */.qC),
  InvalidExportSourceStateFault$: () => (/* reexport */ schemas_0/* InvalidExportSourceStateFault$ */.qAG),
  InvalidExportTaskStateFault: () => (/* reexport */ errors/* InvalidExportTaskStateFault */.OW),
  InvalidExportTaskStateFault$: () => (/* reexport */ schemas_0/* InvalidExportTaskStateFault$ */.a6w),
  InvalidGlobalClusterStateFault: () => (/* reexport */ errors/* InvalidGlobalClusterStateFault */.ui),
  InvalidGlobalClusterStateFault$: () => (/* reexport */ schemas_0/* InvalidGlobalClusterStateFault$ */.czn),
  InvalidIntegrationStateFault: () => (/* reexport */ errors/* InvalidIntegrationStateFault */.ti),
  InvalidIntegrationStateFault$: () => (/* reexport */ schemas_0/* InvalidIntegrationStateFault$ */.rI9),
  InvalidOptionGroupStateFault: () => (/* reexport */ errors/* InvalidOptionGroupStateFault */.D4),
  InvalidOptionGroupStateFault$: () => (/* reexport */ schemas_0/* InvalidOptionGroupStateFault$ */.nzu),
  InvalidResourceStateFault: () => (/* reexport */ errors/* InvalidResourceStateFault */.f6),
  InvalidResourceStateFault$: () => (/* reexport */ schemas_0/* InvalidResourceStateFault$ */.pmF),
  InvalidRestoreFault: () => (/* reexport */ errors/* InvalidRestoreFault */.m1),
  InvalidRestoreFault$: () => (/* reexport */ schemas_0/* InvalidRestoreFault$ */.itL),
  InvalidS3BucketFault: () => (/* reexport */ errors/* InvalidS3BucketFault */.Se),
  InvalidS3BucketFault$: () => (/* reexport */ schemas_0/* InvalidS3BucketFault$ */._E6),
  InvalidSubnet: () => (/* reexport */ errors/* InvalidSubnet */.py),
  InvalidSubnet$: () => (/* reexport */ schemas_0/* InvalidSubnet$ */.B1m),
  InvalidVPCNetworkStateFault: () => (/* reexport */ errors/* InvalidVPCNetworkStateFault */.e4),
  InvalidVPCNetworkStateFault$: () => (/* reexport */ schemas_0/* InvalidVPCNetworkStateFault$ */.SYW),
  IssueDetails$: () => (/* reexport */ schemas_0/* IssueDetails$ */.OFR),
  KMSKeyNotAccessibleFault: () => (/* reexport */ errors/* KMSKeyNotAccessibleFault */.Tx),
  KMSKeyNotAccessibleFault$: () => (/* reexport */ schemas_0/* KMSKeyNotAccessibleFault$ */.UpQ),
  LifecycleSupportName: () => (/* reexport */ LifecycleSupportName),
  LimitlessDatabase$: () => (/* reexport */ schemas_0/* LimitlessDatabase$ */.uq9),
  LimitlessDatabaseStatus: () => (/* reexport */ LimitlessDatabaseStatus),
  ListTagsForResource$: () => (/* reexport */ schemas_0/* ListTagsForResource$ */.Tzn),
  ListTagsForResourceCommand: () => (/* reexport */ ListTagsForResourceCommand/* ListTagsForResourceCommand */.a),
  ListTagsForResourceMessage$: () => (/* reexport */ schemas_0/* ListTagsForResourceMessage$ */.oAr),
  LocalWriteForwardingStatus: () => (/* reexport */ LocalWriteForwardingStatus),
  MasterUserAuthenticationType: () => (/* reexport */ MasterUserAuthenticationType),
  MasterUserSecret$: () => (/* reexport */ schemas_0/* MasterUserSecret$ */.QDn),
  MaxDBShardGroupLimitReached: () => (/* reexport */ errors/* MaxDBShardGroupLimitReached */.jy),
  MaxDBShardGroupLimitReached$: () => (/* reexport */ schemas_0/* MaxDBShardGroupLimitReached$ */.DdM),
  Metric$: () => (/* reexport */ schemas_0/* Metric$ */.RRA),
  MetricQuery$: () => (/* reexport */ schemas_0/* MetricQuery$ */.fbU),
  MetricReference$: () => (/* reexport */ schemas_0/* MetricReference$ */.W$d),
  MinimumEngineVersionPerAllowedValue$: () => (/* reexport */ schemas_0/* MinimumEngineVersionPerAllowedValue$ */.P3j),
  ModifyActivityStream$: () => (/* reexport */ schemas_0/* ModifyActivityStream$ */.QQQ),
  ModifyActivityStreamCommand: () => (/* reexport */ ModifyActivityStreamCommand),
  ModifyActivityStreamRequest$: () => (/* reexport */ schemas_0/* ModifyActivityStreamRequest$ */.DbO),
  ModifyActivityStreamResponse$: () => (/* reexport */ schemas_0/* ModifyActivityStreamResponse$ */.hJq),
  ModifyAdditionalStorageVolume$: () => (/* reexport */ schemas_0/* ModifyAdditionalStorageVolume$ */.Rts),
  ModifyCertificates$: () => (/* reexport */ schemas_0/* ModifyCertificates$ */.PPw),
  ModifyCertificatesCommand: () => (/* reexport */ ModifyCertificatesCommand),
  ModifyCertificatesMessage$: () => (/* reexport */ schemas_0/* ModifyCertificatesMessage$ */.eVM),
  ModifyCertificatesResult$: () => (/* reexport */ schemas_0/* ModifyCertificatesResult$ */.oW1),
  ModifyCurrentDBClusterCapacity$: () => (/* reexport */ schemas_0/* ModifyCurrentDBClusterCapacity$ */.auj),
  ModifyCurrentDBClusterCapacityCommand: () => (/* reexport */ ModifyCurrentDBClusterCapacityCommand),
  ModifyCurrentDBClusterCapacityMessage$: () => (/* reexport */ schemas_0/* ModifyCurrentDBClusterCapacityMessage$ */.Fe5),
  ModifyCustomDBEngineVersion$: () => (/* reexport */ schemas_0/* ModifyCustomDBEngineVersion$ */.Qvz),
  ModifyCustomDBEngineVersionCommand: () => (/* reexport */ ModifyCustomDBEngineVersionCommand),
  ModifyCustomDBEngineVersionMessage$: () => (/* reexport */ schemas_0/* ModifyCustomDBEngineVersionMessage$ */.XjZ),
  ModifyDBCapacityReservation$: () => (/* reexport */ schemas_0/* ModifyDBCapacityReservation$ */.tzh),
  ModifyDBCapacityReservationCommand: () => (/* reexport */ ModifyDBCapacityReservationCommand),
  ModifyDBCapacityReservationRequest$: () => (/* reexport */ schemas_0/* ModifyDBCapacityReservationRequest$ */.WPC),
  ModifyDBCapacityReservationResponse$: () => (/* reexport */ schemas_0/* ModifyDBCapacityReservationResponse$ */.I0t),
  ModifyDBCluster$: () => (/* reexport */ schemas_0/* ModifyDBCluster$ */.fQL),
  ModifyDBClusterCommand: () => (/* reexport */ ModifyDBClusterCommand),
  ModifyDBClusterEndpoint$: () => (/* reexport */ schemas_0/* ModifyDBClusterEndpoint$ */.QP4),
  ModifyDBClusterEndpointCommand: () => (/* reexport */ ModifyDBClusterEndpointCommand),
  ModifyDBClusterEndpointMessage$: () => (/* reexport */ schemas_0/* ModifyDBClusterEndpointMessage$ */.xu4),
  ModifyDBClusterMessage$: () => (/* reexport */ schemas_0/* ModifyDBClusterMessage$ */.iiK),
  ModifyDBClusterParameterGroup$: () => (/* reexport */ schemas_0/* ModifyDBClusterParameterGroup$ */.dwN),
  ModifyDBClusterParameterGroupCommand: () => (/* reexport */ ModifyDBClusterParameterGroupCommand),
  ModifyDBClusterParameterGroupMessage$: () => (/* reexport */ schemas_0/* ModifyDBClusterParameterGroupMessage$ */.WX),
  ModifyDBClusterResult$: () => (/* reexport */ schemas_0/* ModifyDBClusterResult$ */.egq),
  ModifyDBClusterSnapshotAttribute$: () => (/* reexport */ schemas_0/* ModifyDBClusterSnapshotAttribute$ */.BKF),
  ModifyDBClusterSnapshotAttributeCommand: () => (/* reexport */ ModifyDBClusterSnapshotAttributeCommand),
  ModifyDBClusterSnapshotAttributeMessage$: () => (/* reexport */ schemas_0/* ModifyDBClusterSnapshotAttributeMessage$ */.cSY),
  ModifyDBClusterSnapshotAttributeResult$: () => (/* reexport */ schemas_0/* ModifyDBClusterSnapshotAttributeResult$ */.wkh),
  ModifyDBInstance$: () => (/* reexport */ schemas_0/* ModifyDBInstance$ */.S$z),
  ModifyDBInstanceCommand: () => (/* reexport */ ModifyDBInstanceCommand),
  ModifyDBInstanceMessage$: () => (/* reexport */ schemas_0/* ModifyDBInstanceMessage$ */.RFj),
  ModifyDBInstanceResult$: () => (/* reexport */ schemas_0/* ModifyDBInstanceResult$ */.HbA),
  ModifyDBParameterGroup$: () => (/* reexport */ schemas_0/* ModifyDBParameterGroup$ */.jb_),
  ModifyDBParameterGroupCommand: () => (/* reexport */ ModifyDBParameterGroupCommand),
  ModifyDBParameterGroupMessage$: () => (/* reexport */ schemas_0/* ModifyDBParameterGroupMessage$ */.K3i),
  ModifyDBProxy$: () => (/* reexport */ schemas_0/* ModifyDBProxy$ */.BYk),
  ModifyDBProxyCommand: () => (/* reexport */ ModifyDBProxyCommand),
  ModifyDBProxyEndpoint$: () => (/* reexport */ schemas_0/* ModifyDBProxyEndpoint$ */.GhU),
  ModifyDBProxyEndpointCommand: () => (/* reexport */ ModifyDBProxyEndpointCommand),
  ModifyDBProxyEndpointRequest$: () => (/* reexport */ schemas_0/* ModifyDBProxyEndpointRequest$ */.he),
  ModifyDBProxyEndpointResponse$: () => (/* reexport */ schemas_0/* ModifyDBProxyEndpointResponse$ */.l7W),
  ModifyDBProxyRequest$: () => (/* reexport */ schemas_0/* ModifyDBProxyRequest$ */.mMJ),
  ModifyDBProxyResponse$: () => (/* reexport */ schemas_0/* ModifyDBProxyResponse$ */.Q7H),
  ModifyDBProxyTargetGroup$: () => (/* reexport */ schemas_0/* ModifyDBProxyTargetGroup$ */.bck),
  ModifyDBProxyTargetGroupCommand: () => (/* reexport */ ModifyDBProxyTargetGroupCommand),
  ModifyDBProxyTargetGroupRequest$: () => (/* reexport */ schemas_0/* ModifyDBProxyTargetGroupRequest$ */.GJM),
  ModifyDBProxyTargetGroupResponse$: () => (/* reexport */ schemas_0/* ModifyDBProxyTargetGroupResponse$ */.ml8),
  ModifyDBRecommendation$: () => (/* reexport */ schemas_0/* ModifyDBRecommendation$ */.EI),
  ModifyDBRecommendationCommand: () => (/* reexport */ ModifyDBRecommendationCommand),
  ModifyDBRecommendationMessage$: () => (/* reexport */ schemas_0/* ModifyDBRecommendationMessage$ */.PK3),
  ModifyDBShardGroup$: () => (/* reexport */ schemas_0/* ModifyDBShardGroup$ */.wym),
  ModifyDBShardGroupCommand: () => (/* reexport */ ModifyDBShardGroupCommand),
  ModifyDBShardGroupMessage$: () => (/* reexport */ schemas_0/* ModifyDBShardGroupMessage$ */.jAS),
  ModifyDBSnapshot$: () => (/* reexport */ schemas_0/* ModifyDBSnapshot$ */.n_7),
  ModifyDBSnapshotAttribute$: () => (/* reexport */ schemas_0/* ModifyDBSnapshotAttribute$ */.Z83),
  ModifyDBSnapshotAttributeCommand: () => (/* reexport */ ModifyDBSnapshotAttributeCommand),
  ModifyDBSnapshotAttributeMessage$: () => (/* reexport */ schemas_0/* ModifyDBSnapshotAttributeMessage$ */.kCj),
  ModifyDBSnapshotAttributeResult$: () => (/* reexport */ schemas_0/* ModifyDBSnapshotAttributeResult$ */.EYy),
  ModifyDBSnapshotCommand: () => (/* reexport */ ModifyDBSnapshotCommand),
  ModifyDBSnapshotMessage$: () => (/* reexport */ schemas_0/* ModifyDBSnapshotMessage$ */.Exm),
  ModifyDBSnapshotResult$: () => (/* reexport */ schemas_0/* ModifyDBSnapshotResult$ */.q0d),
  ModifyDBSubnetGroup$: () => (/* reexport */ schemas_0/* ModifyDBSubnetGroup$ */.dE),
  ModifyDBSubnetGroupCommand: () => (/* reexport */ ModifyDBSubnetGroupCommand),
  ModifyDBSubnetGroupMessage$: () => (/* reexport */ schemas_0/* ModifyDBSubnetGroupMessage$ */.IUP),
  ModifyDBSubnetGroupResult$: () => (/* reexport */ schemas_0/* ModifyDBSubnetGroupResult$ */.Q6p),
  ModifyEventSubscription$: () => (/* reexport */ schemas_0/* ModifyEventSubscription$ */.ErN),
  ModifyEventSubscriptionCommand: () => (/* reexport */ ModifyEventSubscriptionCommand),
  ModifyEventSubscriptionMessage$: () => (/* reexport */ schemas_0/* ModifyEventSubscriptionMessage$ */.$z4),
  ModifyEventSubscriptionResult$: () => (/* reexport */ schemas_0/* ModifyEventSubscriptionResult$ */.Fb8),
  ModifyGlobalCluster$: () => (/* reexport */ schemas_0/* ModifyGlobalCluster$ */.exn),
  ModifyGlobalClusterCommand: () => (/* reexport */ ModifyGlobalClusterCommand),
  ModifyGlobalClusterMessage$: () => (/* reexport */ schemas_0/* ModifyGlobalClusterMessage$ */.RRf),
  ModifyGlobalClusterResult$: () => (/* reexport */ schemas_0/* ModifyGlobalClusterResult$ */.VWF),
  ModifyIntegration$: () => (/* reexport */ schemas_0/* ModifyIntegration$ */.jXq),
  ModifyIntegrationCommand: () => (/* reexport */ ModifyIntegrationCommand),
  ModifyIntegrationMessage$: () => (/* reexport */ schemas_0/* ModifyIntegrationMessage$ */.y5M),
  ModifyOptionGroup$: () => (/* reexport */ schemas_0/* ModifyOptionGroup$ */.ldG),
  ModifyOptionGroupCommand: () => (/* reexport */ ModifyOptionGroupCommand),
  ModifyOptionGroupMessage$: () => (/* reexport */ schemas_0/* ModifyOptionGroupMessage$ */.OE_),
  ModifyOptionGroupResult$: () => (/* reexport */ schemas_0/* ModifyOptionGroupResult$ */.W2q),
  ModifyTenantDatabase$: () => (/* reexport */ schemas_0/* ModifyTenantDatabase$ */.G3d),
  ModifyTenantDatabaseCommand: () => (/* reexport */ ModifyTenantDatabaseCommand),
  ModifyTenantDatabaseMessage$: () => (/* reexport */ schemas_0/* ModifyTenantDatabaseMessage$ */.z0j),
  ModifyTenantDatabaseResult$: () => (/* reexport */ schemas_0/* ModifyTenantDatabaseResult$ */.Z8q),
  NetworkTypeNotSupported: () => (/* reexport */ errors/* NetworkTypeNotSupported */.g7),
  NetworkTypeNotSupported$: () => (/* reexport */ schemas_0/* NetworkTypeNotSupported$ */.IV3),
  Option$: () => (/* reexport */ schemas_0/* Option$ */.QXM),
  OptionConfiguration$: () => (/* reexport */ schemas_0/* OptionConfiguration$ */.SLR),
  OptionGroup$: () => (/* reexport */ schemas_0/* OptionGroup$ */.B4V),
  OptionGroupAlreadyExistsFault: () => (/* reexport */ errors/* OptionGroupAlreadyExistsFault */.tn),
  OptionGroupAlreadyExistsFault$: () => (/* reexport */ schemas_0/* OptionGroupAlreadyExistsFault$ */.vB3),
  OptionGroupMembership$: () => (/* reexport */ schemas_0/* OptionGroupMembership$ */.zFR),
  OptionGroupNotFoundFault: () => (/* reexport */ errors/* OptionGroupNotFoundFault */.G0),
  OptionGroupNotFoundFault$: () => (/* reexport */ schemas_0/* OptionGroupNotFoundFault$ */.IF2),
  OptionGroupOption$: () => (/* reexport */ schemas_0/* OptionGroupOption$ */.AAM),
  OptionGroupOptionSetting$: () => (/* reexport */ schemas_0/* OptionGroupOptionSetting$ */.Ief),
  OptionGroupOptionsMessage$: () => (/* reexport */ schemas_0/* OptionGroupOptionsMessage$ */.GDi),
  OptionGroupQuotaExceededFault: () => (/* reexport */ errors/* OptionGroupQuotaExceededFault */.A9),
  OptionGroupQuotaExceededFault$: () => (/* reexport */ schemas_0/* OptionGroupQuotaExceededFault$ */.g5J),
  OptionGroups$: () => (/* reexport */ schemas_0/* OptionGroups$ */.mke),
  OptionSetting$: () => (/* reexport */ schemas_0/* OptionSetting$ */.AVW),
  OptionVersion$: () => (/* reexport */ schemas_0/* OptionVersion$ */.Oom),
  OrderableDBInstanceOption$: () => (/* reexport */ schemas_0/* OrderableDBInstanceOption$ */.lyr),
  OrderableDBInstanceOptionsMessage$: () => (/* reexport */ schemas_0/* OrderableDBInstanceOptionsMessage$ */.XPH),
  Outpost$: () => (/* reexport */ schemas_0/* Outpost$ */.HYL),
  Parameter$: () => (/* reexport */ schemas_0/* Parameter$ */.OA3),
  PendingCloudwatchLogsExports$: () => (/* reexport */ schemas_0/* PendingCloudwatchLogsExports$ */.YOk),
  PendingMaintenanceAction$: () => (/* reexport */ schemas_0/* PendingMaintenanceAction$ */.vCm),
  PendingMaintenanceActionsMessage$: () => (/* reexport */ schemas_0/* PendingMaintenanceActionsMessage$ */.FpF),
  PendingModifiedValues$: () => (/* reexport */ schemas_0/* PendingModifiedValues$ */.pLn),
  PerformanceInsightsMetricDimensionGroup$: () => (/* reexport */ schemas_0/* PerformanceInsightsMetricDimensionGroup$ */.jXZ),
  PerformanceInsightsMetricQuery$: () => (/* reexport */ schemas_0/* PerformanceInsightsMetricQuery$ */.y2z),
  PerformanceIssueDetails$: () => (/* reexport */ schemas_0/* PerformanceIssueDetails$ */.MY6),
  PointInTimeRestoreNotEnabledFault: () => (/* reexport */ errors/* PointInTimeRestoreNotEnabledFault */.mL),
  PointInTimeRestoreNotEnabledFault$: () => (/* reexport */ schemas_0/* PointInTimeRestoreNotEnabledFault$ */.zN6),
  ProcessorFeature$: () => (/* reexport */ schemas_0/* ProcessorFeature$ */.jD7),
  PromoteReadReplica$: () => (/* reexport */ schemas_0/* PromoteReadReplica$ */.lPA),
  PromoteReadReplicaCommand: () => (/* reexport */ PromoteReadReplicaCommand),
  PromoteReadReplicaDBCluster$: () => (/* reexport */ schemas_0/* PromoteReadReplicaDBCluster$ */.bTq),
  PromoteReadReplicaDBClusterCommand: () => (/* reexport */ PromoteReadReplicaDBClusterCommand),
  PromoteReadReplicaDBClusterMessage$: () => (/* reexport */ schemas_0/* PromoteReadReplicaDBClusterMessage$ */.sct),
  PromoteReadReplicaDBClusterResult$: () => (/* reexport */ schemas_0/* PromoteReadReplicaDBClusterResult$ */.mlq),
  PromoteReadReplicaMessage$: () => (/* reexport */ schemas_0/* PromoteReadReplicaMessage$ */.Yb7),
  PromoteReadReplicaResult$: () => (/* reexport */ schemas_0/* PromoteReadReplicaResult$ */.o$i),
  ProvisionedIopsNotAvailableInAZFault: () => (/* reexport */ errors/* ProvisionedIopsNotAvailableInAZFault */.ei),
  ProvisionedIopsNotAvailableInAZFault$: () => (/* reexport */ schemas_0/* ProvisionedIopsNotAvailableInAZFault$ */.QvG),
  PurchaseReservedDBInstancesOffering$: () => (/* reexport */ schemas_0/* PurchaseReservedDBInstancesOffering$ */.yRL),
  PurchaseReservedDBInstancesOfferingCommand: () => (/* reexport */ PurchaseReservedDBInstancesOfferingCommand),
  PurchaseReservedDBInstancesOfferingMessage$: () => (/* reexport */ schemas_0/* PurchaseReservedDBInstancesOfferingMessage$ */.tLd),
  PurchaseReservedDBInstancesOfferingResult$: () => (/* reexport */ schemas_0/* PurchaseReservedDBInstancesOfferingResult$ */.jZ5),
  RDS: () => (/* reexport */ RDS),
  RDSClient: () => (/* reexport */ RDSClient),
  RDSServiceException: () => (/* reexport */ RDSServiceException/* RDSServiceException */.s),
  RDSServiceException$: () => (/* reexport */ schemas_0/* RDSServiceException$ */.c5d),
  Range$: () => (/* reexport */ schemas_0/* Range$ */.eRO),
  RdsCustomClusterConfiguration$: () => (/* reexport */ schemas_0/* RdsCustomClusterConfiguration$ */.$RW),
  RebootDBCluster$: () => (/* reexport */ schemas_0/* RebootDBCluster$ */.AH_),
  RebootDBClusterCommand: () => (/* reexport */ RebootDBClusterCommand),
  RebootDBClusterMessage$: () => (/* reexport */ schemas_0/* RebootDBClusterMessage$ */.TJy),
  RebootDBClusterResult$: () => (/* reexport */ schemas_0/* RebootDBClusterResult$ */.Brt),
  RebootDBInstance$: () => (/* reexport */ schemas_0/* RebootDBInstance$ */.ZTL),
  RebootDBInstanceCommand: () => (/* reexport */ RebootDBInstanceCommand),
  RebootDBInstanceMessage$: () => (/* reexport */ schemas_0/* RebootDBInstanceMessage$ */.KgG),
  RebootDBInstanceResult$: () => (/* reexport */ schemas_0/* RebootDBInstanceResult$ */.kLc),
  RebootDBShardGroup$: () => (/* reexport */ schemas_0/* RebootDBShardGroup$ */.jI_),
  RebootDBShardGroupCommand: () => (/* reexport */ RebootDBShardGroupCommand),
  RebootDBShardGroupMessage$: () => (/* reexport */ schemas_0/* RebootDBShardGroupMessage$ */.CmE),
  RecommendedAction$: () => (/* reexport */ schemas_0/* RecommendedAction$ */.ocG),
  RecommendedActionParameter$: () => (/* reexport */ schemas_0/* RecommendedActionParameter$ */.zkk),
  RecommendedActionUpdate$: () => (/* reexport */ schemas_0/* RecommendedActionUpdate$ */.fPA),
  RecurringCharge$: () => (/* reexport */ schemas_0/* RecurringCharge$ */.mgh),
  ReferenceDetails$: () => (/* reexport */ schemas_0/* ReferenceDetails$ */.qsQ),
  RegisterDBProxyTargets$: () => (/* reexport */ schemas_0/* RegisterDBProxyTargets$ */.SYv),
  RegisterDBProxyTargetsCommand: () => (/* reexport */ RegisterDBProxyTargetsCommand),
  RegisterDBProxyTargetsRequest$: () => (/* reexport */ schemas_0/* RegisterDBProxyTargetsRequest$ */.tXf),
  RegisterDBProxyTargetsResponse$: () => (/* reexport */ schemas_0/* RegisterDBProxyTargetsResponse$ */.lYL),
  RemoveFromGlobalCluster$: () => (/* reexport */ schemas_0/* RemoveFromGlobalCluster$ */.oP$),
  RemoveFromGlobalClusterCommand: () => (/* reexport */ RemoveFromGlobalClusterCommand),
  RemoveFromGlobalClusterMessage$: () => (/* reexport */ schemas_0/* RemoveFromGlobalClusterMessage$ */.d05),
  RemoveFromGlobalClusterResult$: () => (/* reexport */ schemas_0/* RemoveFromGlobalClusterResult$ */.JBr),
  RemoveRoleFromDBCluster$: () => (/* reexport */ schemas_0/* RemoveRoleFromDBCluster$ */.Dj2),
  RemoveRoleFromDBClusterCommand: () => (/* reexport */ RemoveRoleFromDBClusterCommand),
  RemoveRoleFromDBClusterMessage$: () => (/* reexport */ schemas_0/* RemoveRoleFromDBClusterMessage$ */.KXV),
  RemoveRoleFromDBInstance$: () => (/* reexport */ schemas_0/* RemoveRoleFromDBInstance$ */.Yjb),
  RemoveRoleFromDBInstanceCommand: () => (/* reexport */ RemoveRoleFromDBInstanceCommand),
  RemoveRoleFromDBInstanceMessage$: () => (/* reexport */ schemas_0/* RemoveRoleFromDBInstanceMessage$ */.BAb),
  RemoveSourceIdentifierFromSubscription$: () => (/* reexport */ schemas_0/* RemoveSourceIdentifierFromSubscription$ */.e7s),
  RemoveSourceIdentifierFromSubscriptionCommand: () => (/* reexport */ RemoveSourceIdentifierFromSubscriptionCommand),
  RemoveSourceIdentifierFromSubscriptionMessage$: () => (/* reexport */ schemas_0/* RemoveSourceIdentifierFromSubscriptionMessage$ */.dBq),
  RemoveSourceIdentifierFromSubscriptionResult$: () => (/* reexport */ schemas_0/* RemoveSourceIdentifierFromSubscriptionResult$ */.DNL),
  RemoveTagsFromResource$: () => (/* reexport */ schemas_0/* RemoveTagsFromResource$ */.MRo),
  RemoveTagsFromResourceCommand: () => (/* reexport */ RemoveTagsFromResourceCommand),
  RemoveTagsFromResourceMessage$: () => (/* reexport */ schemas_0/* RemoveTagsFromResourceMessage$ */.PLG),
  ReplicaMode: () => (/* reexport */ ReplicaMode),
  ReservedDBInstance$: () => (/* reexport */ schemas_0/* ReservedDBInstance$ */.Gkf),
  ReservedDBInstanceAlreadyExistsFault: () => (/* reexport */ errors/* ReservedDBInstanceAlreadyExistsFault */.ay),
  ReservedDBInstanceAlreadyExistsFault$: () => (/* reexport */ schemas_0/* ReservedDBInstanceAlreadyExistsFault$ */.gfo),
  ReservedDBInstanceMessage$: () => (/* reexport */ schemas_0/* ReservedDBInstanceMessage$ */.Ru3),
  ReservedDBInstanceNotFoundFault: () => (/* reexport */ errors/* ReservedDBInstanceNotFoundFault */.RE),
  ReservedDBInstanceNotFoundFault$: () => (/* reexport */ schemas_0/* ReservedDBInstanceNotFoundFault$ */.xRg),
  ReservedDBInstanceQuotaExceededFault: () => (/* reexport */ errors/* ReservedDBInstanceQuotaExceededFault */.LG),
  ReservedDBInstanceQuotaExceededFault$: () => (/* reexport */ schemas_0/* ReservedDBInstanceQuotaExceededFault$ */.lOk),
  ReservedDBInstancesOffering$: () => (/* reexport */ schemas_0/* ReservedDBInstancesOffering$ */.zxe),
  ReservedDBInstancesOfferingMessage$: () => (/* reexport */ schemas_0/* ReservedDBInstancesOfferingMessage$ */.itw),
  ReservedDBInstancesOfferingNotFoundFault: () => (/* reexport */ errors/* ReservedDBInstancesOfferingNotFoundFault */.q),
  ReservedDBInstancesOfferingNotFoundFault$: () => (/* reexport */ schemas_0/* ReservedDBInstancesOfferingNotFoundFault$ */.wTK),
  ResetDBClusterParameterGroup$: () => (/* reexport */ schemas_0/* ResetDBClusterParameterGroup$ */.mJ3),
  ResetDBClusterParameterGroupCommand: () => (/* reexport */ ResetDBClusterParameterGroupCommand),
  ResetDBClusterParameterGroupMessage$: () => (/* reexport */ schemas_0/* ResetDBClusterParameterGroupMessage$ */.Ff$),
  ResetDBParameterGroup$: () => (/* reexport */ schemas_0/* ResetDBParameterGroup$ */.wxe),
  ResetDBParameterGroupCommand: () => (/* reexport */ ResetDBParameterGroupCommand),
  ResetDBParameterGroupMessage$: () => (/* reexport */ schemas_0/* ResetDBParameterGroupMessage$ */.Fyu),
  ResourceNotFoundFault: () => (/* reexport */ errors/* ResourceNotFoundFault */.BH),
  ResourceNotFoundFault$: () => (/* reexport */ schemas_0/* ResourceNotFoundFault$ */.OX_),
  ResourcePendingMaintenanceActions$: () => (/* reexport */ schemas_0/* ResourcePendingMaintenanceActions$ */.U_J),
  RestoreDBClusterFromS3$: () => (/* reexport */ schemas_0/* RestoreDBClusterFromS3$ */.PM0),
  RestoreDBClusterFromS3Command: () => (/* reexport */ RestoreDBClusterFromS3Command),
  RestoreDBClusterFromS3Message$: () => (/* reexport */ schemas_0/* RestoreDBClusterFromS3Message$ */.k7L),
  RestoreDBClusterFromS3Result$: () => (/* reexport */ schemas_0/* RestoreDBClusterFromS3Result$ */.a_),
  RestoreDBClusterFromSnapshot$: () => (/* reexport */ schemas_0/* RestoreDBClusterFromSnapshot$ */.DNW),
  RestoreDBClusterFromSnapshotCommand: () => (/* reexport */ RestoreDBClusterFromSnapshotCommand),
  RestoreDBClusterFromSnapshotMessage$: () => (/* reexport */ schemas_0/* RestoreDBClusterFromSnapshotMessage$ */.oSq),
  RestoreDBClusterFromSnapshotResult$: () => (/* reexport */ schemas_0/* RestoreDBClusterFromSnapshotResult$ */.yLw),
  RestoreDBClusterToPointInTime$: () => (/* reexport */ schemas_0/* RestoreDBClusterToPointInTime$ */.Spt),
  RestoreDBClusterToPointInTimeCommand: () => (/* reexport */ RestoreDBClusterToPointInTimeCommand),
  RestoreDBClusterToPointInTimeMessage$: () => (/* reexport */ schemas_0/* RestoreDBClusterToPointInTimeMessage$ */.T8z),
  RestoreDBClusterToPointInTimeResult$: () => (/* reexport */ schemas_0/* RestoreDBClusterToPointInTimeResult$ */.BQf),
  RestoreDBInstanceFromDBSnapshot$: () => (/* reexport */ schemas_0/* RestoreDBInstanceFromDBSnapshot$ */.mVH),
  RestoreDBInstanceFromDBSnapshotCommand: () => (/* reexport */ RestoreDBInstanceFromDBSnapshotCommand),
  RestoreDBInstanceFromDBSnapshotMessage$: () => (/* reexport */ schemas_0/* RestoreDBInstanceFromDBSnapshotMessage$ */.dBG),
  RestoreDBInstanceFromDBSnapshotResult$: () => (/* reexport */ schemas_0/* RestoreDBInstanceFromDBSnapshotResult$ */.jLO),
  RestoreDBInstanceFromS3$: () => (/* reexport */ schemas_0/* RestoreDBInstanceFromS3$ */.YIM),
  RestoreDBInstanceFromS3Command: () => (/* reexport */ RestoreDBInstanceFromS3Command),
  RestoreDBInstanceFromS3Message$: () => (/* reexport */ schemas_0/* RestoreDBInstanceFromS3Message$ */.rI5),
  RestoreDBInstanceFromS3Result$: () => (/* reexport */ schemas_0/* RestoreDBInstanceFromS3Result$ */.vNJ),
  RestoreDBInstanceToPointInTime$: () => (/* reexport */ schemas_0/* RestoreDBInstanceToPointInTime$ */.puV),
  RestoreDBInstanceToPointInTimeCommand: () => (/* reexport */ RestoreDBInstanceToPointInTimeCommand),
  RestoreDBInstanceToPointInTimeMessage$: () => (/* reexport */ schemas_0/* RestoreDBInstanceToPointInTimeMessage$ */.MGK),
  RestoreDBInstanceToPointInTimeResult$: () => (/* reexport */ schemas_0/* RestoreDBInstanceToPointInTimeResult$ */._Jc),
  RestoreWindow$: () => (/* reexport */ schemas_0/* RestoreWindow$ */.r6U),
  RevokeDBSecurityGroupIngress$: () => (/* reexport */ schemas_0/* RevokeDBSecurityGroupIngress$ */.B$i),
  RevokeDBSecurityGroupIngressCommand: () => (/* reexport */ RevokeDBSecurityGroupIngressCommand),
  RevokeDBSecurityGroupIngressMessage$: () => (/* reexport */ schemas_0/* RevokeDBSecurityGroupIngressMessage$ */.mCg),
  RevokeDBSecurityGroupIngressResult$: () => (/* reexport */ schemas_0/* RevokeDBSecurityGroupIngressResult$ */.E9C),
  SNSInvalidTopicFault: () => (/* reexport */ errors/* SNSInvalidTopicFault */.Zm),
  SNSInvalidTopicFault$: () => (/* reexport */ schemas_0/* SNSInvalidTopicFault$ */.hD0),
  SNSNoAuthorizationFault: () => (/* reexport */ errors/* SNSNoAuthorizationFault */.XL),
  SNSNoAuthorizationFault$: () => (/* reexport */ schemas_0/* SNSNoAuthorizationFault$ */.zy2),
  SNSTopicArnNotFoundFault: () => (/* reexport */ errors/* SNSTopicArnNotFoundFault */.Ev),
  SNSTopicArnNotFoundFault$: () => (/* reexport */ schemas_0/* SNSTopicArnNotFoundFault$ */.Kkl),
  ScalarReferenceDetails$: () => (/* reexport */ schemas_0/* ScalarReferenceDetails$ */.aMF),
  ScalingConfiguration$: () => (/* reexport */ schemas_0/* ScalingConfiguration$ */.GEn),
  ScalingConfigurationInfo$: () => (/* reexport */ schemas_0/* ScalingConfigurationInfo$ */.OqX),
  ServerlessV2FeaturesSupport$: () => (/* reexport */ schemas_0/* ServerlessV2FeaturesSupport$ */.jdW),
  ServerlessV2PlatformVersionInfo$: () => (/* reexport */ schemas_0/* ServerlessV2PlatformVersionInfo$ */.yQy),
  ServerlessV2PlatformVersionsMessage$: () => (/* reexport */ schemas_0/* ServerlessV2PlatformVersionsMessage$ */.Izn),
  ServerlessV2ScalingConfiguration$: () => (/* reexport */ schemas_0/* ServerlessV2ScalingConfiguration$ */.q1Z),
  ServerlessV2ScalingConfigurationInfo$: () => (/* reexport */ schemas_0/* ServerlessV2ScalingConfigurationInfo$ */.kQL),
  SharedSnapshotQuotaExceededFault: () => (/* reexport */ errors/* SharedSnapshotQuotaExceededFault */.PE),
  SharedSnapshotQuotaExceededFault$: () => (/* reexport */ schemas_0/* SharedSnapshotQuotaExceededFault$ */.TXZ),
  SnapshotQuotaExceededFault: () => (/* reexport */ errors/* SnapshotQuotaExceededFault */.mR),
  SnapshotQuotaExceededFault$: () => (/* reexport */ schemas_0/* SnapshotQuotaExceededFault$ */.sY5),
  SourceClusterNotSupportedFault: () => (/* reexport */ errors/* SourceClusterNotSupportedFault */.DR),
  SourceClusterNotSupportedFault$: () => (/* reexport */ schemas_0/* SourceClusterNotSupportedFault$ */.F3r),
  SourceDatabaseNotSupportedFault: () => (/* reexport */ errors/* SourceDatabaseNotSupportedFault */.QZ),
  SourceDatabaseNotSupportedFault$: () => (/* reexport */ schemas_0/* SourceDatabaseNotSupportedFault$ */.aWW),
  SourceNotFoundFault: () => (/* reexport */ errors/* SourceNotFoundFault */.v3),
  SourceNotFoundFault$: () => (/* reexport */ schemas_0/* SourceNotFoundFault$ */.JrR),
  SourceRegion$: () => (/* reexport */ schemas_0/* SourceRegion$ */.aKH),
  SourceRegionMessage$: () => (/* reexport */ schemas_0/* SourceRegionMessage$ */.JoR),
  SourceType: () => (/* reexport */ SourceType),
  StartActivityStream$: () => (/* reexport */ schemas_0/* StartActivityStream$ */.CDL),
  StartActivityStreamCommand: () => (/* reexport */ StartActivityStreamCommand),
  StartActivityStreamRequest$: () => (/* reexport */ schemas_0/* StartActivityStreamRequest$ */.HDu),
  StartActivityStreamResponse$: () => (/* reexport */ schemas_0/* StartActivityStreamResponse$ */.llb),
  StartDBCluster$: () => (/* reexport */ schemas_0/* StartDBCluster$ */.zAk),
  StartDBClusterCommand: () => (/* reexport */ StartDBClusterCommand),
  StartDBClusterMessage$: () => (/* reexport */ schemas_0/* StartDBClusterMessage$ */.qUm),
  StartDBClusterResult$: () => (/* reexport */ schemas_0/* StartDBClusterResult$ */.EL2),
  StartDBInstance$: () => (/* reexport */ schemas_0/* StartDBInstance$ */.ACB),
  StartDBInstanceAutomatedBackupsReplication$: () => (/* reexport */ schemas_0/* StartDBInstanceAutomatedBackupsReplication$ */.XpP),
  StartDBInstanceAutomatedBackupsReplicationCommand: () => (/* reexport */ StartDBInstanceAutomatedBackupsReplicationCommand),
  StartDBInstanceAutomatedBackupsReplicationMessage$: () => (/* reexport */ schemas_0/* StartDBInstanceAutomatedBackupsReplicationMessage$ */.yxc),
  StartDBInstanceAutomatedBackupsReplicationResult$: () => (/* reexport */ schemas_0/* StartDBInstanceAutomatedBackupsReplicationResult$ */.Y0g),
  StartDBInstanceCommand: () => (/* reexport */ StartDBInstanceCommand),
  StartDBInstanceMessage$: () => (/* reexport */ schemas_0/* StartDBInstanceMessage$ */.zqV),
  StartDBInstanceResult$: () => (/* reexport */ schemas_0/* StartDBInstanceResult$ */.P$M),
  StartExportTask$: () => (/* reexport */ schemas_0/* StartExportTask$ */.WWm),
  StartExportTaskCommand: () => (/* reexport */ StartExportTaskCommand),
  StartExportTaskMessage$: () => (/* reexport */ schemas_0/* StartExportTaskMessage$ */.LpD),
  StopActivityStream$: () => (/* reexport */ schemas_0/* StopActivityStream$ */.UBx),
  StopActivityStreamCommand: () => (/* reexport */ StopActivityStreamCommand),
  StopActivityStreamRequest$: () => (/* reexport */ schemas_0/* StopActivityStreamRequest$ */.$IN),
  StopActivityStreamResponse$: () => (/* reexport */ schemas_0/* StopActivityStreamResponse$ */.xm2),
  StopDBCluster$: () => (/* reexport */ schemas_0/* StopDBCluster$ */.l6$),
  StopDBClusterCommand: () => (/* reexport */ StopDBClusterCommand),
  StopDBClusterMessage$: () => (/* reexport */ schemas_0/* StopDBClusterMessage$ */.Q6t),
  StopDBClusterResult$: () => (/* reexport */ schemas_0/* StopDBClusterResult$ */.E09),
  StopDBInstance$: () => (/* reexport */ schemas_0/* StopDBInstance$ */._aF),
  StopDBInstanceAutomatedBackupsReplication$: () => (/* reexport */ schemas_0/* StopDBInstanceAutomatedBackupsReplication$ */.XAr),
  StopDBInstanceAutomatedBackupsReplicationCommand: () => (/* reexport */ StopDBInstanceAutomatedBackupsReplicationCommand),
  StopDBInstanceAutomatedBackupsReplicationMessage$: () => (/* reexport */ schemas_0/* StopDBInstanceAutomatedBackupsReplicationMessage$ */.MX7),
  StopDBInstanceAutomatedBackupsReplicationResult$: () => (/* reexport */ schemas_0/* StopDBInstanceAutomatedBackupsReplicationResult$ */.SCy),
  StopDBInstanceCommand: () => (/* reexport */ StopDBInstanceCommand),
  StopDBInstanceMessage$: () => (/* reexport */ schemas_0/* StopDBInstanceMessage$ */.Bqf),
  StopDBInstanceResult$: () => (/* reexport */ schemas_0/* StopDBInstanceResult$ */.Zde),
  StorageEncryptionType: () => (/* reexport */ StorageEncryptionType),
  StorageQuotaExceededFault: () => (/* reexport */ errors/* StorageQuotaExceededFault */.vn),
  StorageQuotaExceededFault$: () => (/* reexport */ schemas_0/* StorageQuotaExceededFault$ */.rQe),
  StorageTypeNotAvailableFault: () => (/* reexport */ errors/* StorageTypeNotAvailableFault */.Kv),
  StorageTypeNotAvailableFault$: () => (/* reexport */ schemas_0/* StorageTypeNotAvailableFault$ */.wkU),
  StorageTypeNotSupportedFault: () => (/* reexport */ errors/* StorageTypeNotSupportedFault */.bN),
  StorageTypeNotSupportedFault$: () => (/* reexport */ schemas_0/* StorageTypeNotSupportedFault$ */.r_I),
  Subnet$: () => (/* reexport */ schemas_0/* Subnet$ */.umT),
  SubnetAlreadyInUse: () => (/* reexport */ errors/* SubnetAlreadyInUse */.Oj),
  SubnetAlreadyInUse$: () => (/* reexport */ schemas_0/* SubnetAlreadyInUse$ */.yX1),
  SubscriptionAlreadyExistFault: () => (/* reexport */ errors/* SubscriptionAlreadyExistFault */.Lp),
  SubscriptionAlreadyExistFault$: () => (/* reexport */ schemas_0/* SubscriptionAlreadyExistFault$ */.$wL),
  SubscriptionCategoryNotFoundFault: () => (/* reexport */ errors/* SubscriptionCategoryNotFoundFault */.Xt),
  SubscriptionCategoryNotFoundFault$: () => (/* reexport */ schemas_0/* SubscriptionCategoryNotFoundFault$ */.NP4),
  SubscriptionNotFoundFault: () => (/* reexport */ errors/* SubscriptionNotFoundFault */.Pd),
  SubscriptionNotFoundFault$: () => (/* reexport */ schemas_0/* SubscriptionNotFoundFault$ */.Du$),
  SupportedEngineLifecycle$: () => (/* reexport */ schemas_0/* SupportedEngineLifecycle$ */.jQd),
  SwitchoverBlueGreenDeployment$: () => (/* reexport */ schemas_0/* SwitchoverBlueGreenDeployment$ */.xBw),
  SwitchoverBlueGreenDeploymentCommand: () => (/* reexport */ SwitchoverBlueGreenDeploymentCommand),
  SwitchoverBlueGreenDeploymentRequest$: () => (/* reexport */ schemas_0/* SwitchoverBlueGreenDeploymentRequest$ */.Uey),
  SwitchoverBlueGreenDeploymentResponse$: () => (/* reexport */ schemas_0/* SwitchoverBlueGreenDeploymentResponse$ */.AOd),
  SwitchoverDetail$: () => (/* reexport */ schemas_0/* SwitchoverDetail$ */.ou6),
  SwitchoverGlobalCluster$: () => (/* reexport */ schemas_0/* SwitchoverGlobalCluster$ */.e$3),
  SwitchoverGlobalClusterCommand: () => (/* reexport */ SwitchoverGlobalClusterCommand),
  SwitchoverGlobalClusterMessage$: () => (/* reexport */ schemas_0/* SwitchoverGlobalClusterMessage$ */.TWF),
  SwitchoverGlobalClusterResult$: () => (/* reexport */ schemas_0/* SwitchoverGlobalClusterResult$ */.vpw),
  SwitchoverReadReplica$: () => (/* reexport */ schemas_0/* SwitchoverReadReplica$ */.f_Z),
  SwitchoverReadReplicaCommand: () => (/* reexport */ SwitchoverReadReplicaCommand),
  SwitchoverReadReplicaMessage$: () => (/* reexport */ schemas_0/* SwitchoverReadReplicaMessage$ */.imG),
  SwitchoverReadReplicaResult$: () => (/* reexport */ schemas_0/* SwitchoverReadReplicaResult$ */.cLu),
  Tag$: () => (/* reexport */ schemas_0/* Tag$ */.RU0),
  TagListMessage$: () => (/* reexport */ schemas_0/* TagListMessage$ */.etz),
  TagSpecification$: () => (/* reexport */ schemas_0/* TagSpecification$ */.YPJ),
  TargetConnectionNetworkType: () => (/* reexport */ TargetConnectionNetworkType),
  TargetHealth$: () => (/* reexport */ schemas_0/* TargetHealth$ */.pDk),
  TargetHealthReason: () => (/* reexport */ TargetHealthReason),
  TargetResourceConfiguration$: () => (/* reexport */ schemas_0/* TargetResourceConfiguration$ */.ihq),
  TargetRole: () => (/* reexport */ TargetRole),
  TargetState: () => (/* reexport */ TargetState),
  TargetType: () => (/* reexport */ TargetType),
  TenantDatabase$: () => (/* reexport */ schemas_0/* TenantDatabase$ */._KA),
  TenantDatabaseAlreadyExistsFault: () => (/* reexport */ errors/* TenantDatabaseAlreadyExistsFault */.qi),
  TenantDatabaseAlreadyExistsFault$: () => (/* reexport */ schemas_0/* TenantDatabaseAlreadyExistsFault$ */.g9Y),
  TenantDatabaseNotFoundFault: () => (/* reexport */ errors/* TenantDatabaseNotFoundFault */.jz),
  TenantDatabaseNotFoundFault$: () => (/* reexport */ schemas_0/* TenantDatabaseNotFoundFault$ */.BnI),
  TenantDatabasePendingModifiedValues$: () => (/* reexport */ schemas_0/* TenantDatabasePendingModifiedValues$ */._Ln),
  TenantDatabaseQuotaExceededFault: () => (/* reexport */ errors/* TenantDatabaseQuotaExceededFault */.js),
  TenantDatabaseQuotaExceededFault$: () => (/* reexport */ schemas_0/* TenantDatabaseQuotaExceededFault$ */.$r4),
  TenantDatabasesMessage$: () => (/* reexport */ schemas_0/* TenantDatabasesMessage$ */.gHs),
  Timezone$: () => (/* reexport */ schemas_0/* Timezone$ */.Sx2),
  UnsupportedDBEngineVersionFault: () => (/* reexport */ errors/* UnsupportedDBEngineVersionFault */._U),
  UnsupportedDBEngineVersionFault$: () => (/* reexport */ schemas_0/* UnsupportedDBEngineVersionFault$ */.G6j),
  UpgradeRolloutOrder: () => (/* reexport */ UpgradeRolloutOrder),
  UpgradeTarget$: () => (/* reexport */ schemas_0/* UpgradeTarget$ */.cAg),
  UserAuthConfig$: () => (/* reexport */ schemas_0/* UserAuthConfig$ */.KvU),
  UserAuthConfigInfo$: () => (/* reexport */ schemas_0/* UserAuthConfigInfo$ */.qBd),
  ValidAdditionalStorageOptions$: () => (/* reexport */ schemas_0/* ValidAdditionalStorageOptions$ */.T4F),
  ValidDBInstanceModificationsMessage$: () => (/* reexport */ schemas_0/* ValidDBInstanceModificationsMessage$ */.GIE),
  ValidStorageOptions$: () => (/* reexport */ schemas_0/* ValidStorageOptions$ */.Sod),
  ValidVolumeOptions$: () => (/* reexport */ schemas_0/* ValidVolumeOptions$ */.TXQ),
  VpcEncryptionControlViolationException: () => (/* reexport */ errors/* VpcEncryptionControlViolationException */.ss),
  VpcEncryptionControlViolationException$: () => (/* reexport */ schemas_0/* VpcEncryptionControlViolationException$ */.Ob_),
  VpcSecurityGroupMembership$: () => (/* reexport */ schemas_0/* VpcSecurityGroupMembership$ */.nk9),
  WriteForwardingStatus: () => (/* reexport */ WriteForwardingStatus),
  __Client: () => (/* reexport */ submodules_client.Client),
  errorTypeRegistries: () => (/* reexport */ schemas_0/* errorTypeRegistries */.q1U),
  paginateDescribeBlueGreenDeployments: () => (/* reexport */ paginateDescribeBlueGreenDeployments),
  paginateDescribeCertificates: () => (/* reexport */ paginateDescribeCertificates),
  paginateDescribeDBCapacityReservations: () => (/* reexport */ paginateDescribeDBCapacityReservations),
  paginateDescribeDBClusterAutomatedBackups: () => (/* reexport */ paginateDescribeDBClusterAutomatedBackups),
  paginateDescribeDBClusterBacktracks: () => (/* reexport */ paginateDescribeDBClusterBacktracks),
  paginateDescribeDBClusterEndpoints: () => (/* reexport */ paginateDescribeDBClusterEndpoints),
  paginateDescribeDBClusterParameterGroups: () => (/* reexport */ paginateDescribeDBClusterParameterGroups),
  paginateDescribeDBClusterParameters: () => (/* reexport */ paginateDescribeDBClusterParameters),
  paginateDescribeDBClusterSnapshots: () => (/* reexport */ paginateDescribeDBClusterSnapshots),
  paginateDescribeDBClusters: () => (/* reexport */ paginateDescribeDBClusters),
  paginateDescribeDBEngineVersions: () => (/* reexport */ paginateDescribeDBEngineVersions),
  paginateDescribeDBInstanceAutomatedBackups: () => (/* reexport */ paginateDescribeDBInstanceAutomatedBackups),
  paginateDescribeDBInstances: () => (/* reexport */ paginateDescribeDBInstances),
  paginateDescribeDBLogFiles: () => (/* reexport */ paginateDescribeDBLogFiles),
  paginateDescribeDBMajorEngineVersions: () => (/* reexport */ paginateDescribeDBMajorEngineVersions),
  paginateDescribeDBParameterGroups: () => (/* reexport */ paginateDescribeDBParameterGroups),
  paginateDescribeDBParameters: () => (/* reexport */ paginateDescribeDBParameters),
  paginateDescribeDBProxies: () => (/* reexport */ paginateDescribeDBProxies),
  paginateDescribeDBProxyEndpoints: () => (/* reexport */ paginateDescribeDBProxyEndpoints),
  paginateDescribeDBProxyTargetGroups: () => (/* reexport */ paginateDescribeDBProxyTargetGroups),
  paginateDescribeDBProxyTargets: () => (/* reexport */ paginateDescribeDBProxyTargets),
  paginateDescribeDBRecommendations: () => (/* reexport */ paginateDescribeDBRecommendations),
  paginateDescribeDBSecurityGroups: () => (/* reexport */ paginateDescribeDBSecurityGroups),
  paginateDescribeDBSnapshotTenantDatabases: () => (/* reexport */ paginateDescribeDBSnapshotTenantDatabases),
  paginateDescribeDBSnapshots: () => (/* reexport */ paginateDescribeDBSnapshots),
  paginateDescribeDBSubnetGroups: () => (/* reexport */ paginateDescribeDBSubnetGroups),
  paginateDescribeEngineDefaultClusterParameters: () => (/* reexport */ paginateDescribeEngineDefaultClusterParameters),
  paginateDescribeEngineDefaultParameters: () => (/* reexport */ paginateDescribeEngineDefaultParameters),
  paginateDescribeEventSubscriptions: () => (/* reexport */ paginateDescribeEventSubscriptions),
  paginateDescribeEvents: () => (/* reexport */ paginateDescribeEvents),
  paginateDescribeExportTasks: () => (/* reexport */ paginateDescribeExportTasks),
  paginateDescribeGlobalClusters: () => (/* reexport */ paginateDescribeGlobalClusters),
  paginateDescribeIntegrations: () => (/* reexport */ paginateDescribeIntegrations),
  paginateDescribeOptionGroupOptions: () => (/* reexport */ paginateDescribeOptionGroupOptions),
  paginateDescribeOptionGroups: () => (/* reexport */ paginateDescribeOptionGroups),
  paginateDescribeOrderableDBInstanceOptions: () => (/* reexport */ paginateDescribeOrderableDBInstanceOptions),
  paginateDescribePendingMaintenanceActions: () => (/* reexport */ paginateDescribePendingMaintenanceActions),
  paginateDescribeReservedDBInstances: () => (/* reexport */ paginateDescribeReservedDBInstances),
  paginateDescribeReservedDBInstancesOfferings: () => (/* reexport */ paginateDescribeReservedDBInstancesOfferings),
  paginateDescribeServerlessV2PlatformVersions: () => (/* reexport */ paginateDescribeServerlessV2PlatformVersions),
  paginateDescribeSourceRegions: () => (/* reexport */ paginateDescribeSourceRegions),
  paginateDescribeTenantDatabases: () => (/* reexport */ paginateDescribeTenantDatabases),
  paginateDownloadDBLogFilePortion: () => (/* reexport */ paginateDownloadDBLogFilePortion),
  waitForDBClusterAvailable: () => (/* reexport */ waitForDBClusterAvailable),
  waitForDBClusterDeleted: () => (/* reexport */ waitForDBClusterDeleted),
  waitForDBClusterSnapshotAvailable: () => (/* reexport */ waitForDBClusterSnapshotAvailable),
  waitForDBClusterSnapshotDeleted: () => (/* reexport */ waitForDBClusterSnapshotDeleted),
  waitForDBInstanceAvailable: () => (/* reexport */ waitForDBInstanceAvailable),
  waitForDBInstanceDeleted: () => (/* reexport */ waitForDBInstanceDeleted),
  waitForDBSnapshotAvailable: () => (/* reexport */ waitForDBSnapshotAvailable),
  waitForDBSnapshotDeleted: () => (/* reexport */ waitForDBSnapshotDeleted),
  waitForTenantDatabaseAvailable: () => (/* reexport */ waitForTenantDatabaseAvailable),
  waitForTenantDatabaseDeleted: () => (/* reexport */ waitForTenantDatabaseDeleted),
  waitUntilDBClusterAvailable: () => (/* reexport */ waitUntilDBClusterAvailable),
  waitUntilDBClusterDeleted: () => (/* reexport */ waitUntilDBClusterDeleted),
  waitUntilDBClusterSnapshotAvailable: () => (/* reexport */ waitUntilDBClusterSnapshotAvailable),
  waitUntilDBClusterSnapshotDeleted: () => (/* reexport */ waitUntilDBClusterSnapshotDeleted),
  waitUntilDBInstanceAvailable: () => (/* reexport */ waitUntilDBInstanceAvailable),
  waitUntilDBInstanceDeleted: () => (/* reexport */ waitUntilDBInstanceDeleted),
  waitUntilDBSnapshotAvailable: () => (/* reexport */ waitUntilDBSnapshotAvailable),
  waitUntilDBSnapshotDeleted: () => (/* reexport */ waitUntilDBSnapshotDeleted),
  waitUntilTenantDatabaseAvailable: () => (/* reexport */ waitUntilTenantDatabaseAvailable),
  waitUntilTenantDatabaseDeleted: () => (/* reexport */ waitUntilTenantDatabaseDeleted)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(5152);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/index.js
var dist_cjs = __webpack_require__(402);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/client/index.js
var submodules_client = __webpack_require__(2658);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/config/index.js
var submodules_config = __webpack_require__(7291);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/protocols/index.js
var protocols = __webpack_require__(3422);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/schema/index.js
var schema = __webpack_require__(6890);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/httpAuthSchemes/index.js
var httpAuthSchemes = __webpack_require__(7523);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/auth/httpAuthSchemeProvider.js


const defaultRDSHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: (0,submodules_client.getSmithyContext)(context).operation,
        region: await (0,submodules_client.normalizeProvider)(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "rds",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultRDSHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = (0,httpAuthSchemes.resolveAwsSdkSigV4Config)(config);
    return Object.assign(config_0, {
        authSchemePreference: (0,submodules_client.normalizeProvider)(config.authSchemePreference ?? []),
    });
};

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/endpoint/EndpointParameters.js
var EndpointParameters = __webpack_require__(6479);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/package.json
const package_namespaceObject = {"rE":"3.1169.0"};
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-es/defaultProvider.js + 2 modules
var defaultProvider = __webpack_require__(9882);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/serde/index.js
var serde = __webpack_require__(2430);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/node-http-handler.js + 5 modules
var node_http_handler = __webpack_require__(3291);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/protocols/index.js
var submodules_protocols = __webpack_require__(7288);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/checksum/index.js
var checksum = __webpack_require__(9542);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/endpoint/bdd.js

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]],
        ["stringEquals", [{ fn: f, argv: [h, "name"] }, "aws-us-gov"]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://rds-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://rds.{Region}.amazonaws.com", i],
        ["https://rds-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://rds.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://rds.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 13, 3,
    1, 4, r + 12,
    2, 5, r + 12,
    3, 8, 6,
    4, 7, r + 11,
    5, r + 9, r + 10,
    4, 11, 9,
    6, 10, r + 8,
    7, r + 6, r + 7,
    5, 12, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 14,
    4, r + 2, r + 3,
]);
const bdd = endpoints.BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/endpoint/endpointResolver.js



const cache = new endpoints.EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => (0,endpoints.decideEndpoint)(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
endpoints.customEndpointFunctions.aws = client.awsEndpointFunctions;

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/schemas/schemas_0.js
var schemas_0 = __webpack_require__(2528);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/runtimeConfig.shared.js









const getRuntimeConfig = (config) => {
    return {
        apiVersion: "2014-10-31",
        base64Decoder: config?.base64Decoder ?? serde.fromBase64,
        base64Encoder: config?.base64Encoder ?? serde.toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultRDSHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new httpAuthSchemes.AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new submodules_client.NoOpLogger(),
        protocol: config?.protocol ?? submodules_protocols.AwsQueryProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.rds",
            errorTypeRegistries: schemas_0/* errorTypeRegistries */.q1U,
            xmlNamespace: "http://rds.amazonaws.com/doc/2014-10-31/",
            version: "2014-10-31",
            serviceTarget: "AmazonRDSv19",
        },
        serviceId: config?.serviceId ?? "RDS",
        sha256: config?.sha256 ?? checksum.Sha256,
        urlParser: config?.urlParser ?? protocols.parseUrl,
        utf8Decoder: config?.utf8Decoder ?? serde.fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? serde.toUtf8,
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/runtimeConfig.js










const runtimeConfig_getRuntimeConfig = (config) => {
    (0,submodules_client.emitWarningIfUnsupportedVersion)(process.version);
    const defaultsMode = (0,submodules_config.resolveDefaultsModeConfig)(config);
    const defaultConfigProvider = () => defaultsMode().then(submodules_client.loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig(config);
    (0,client.emitWarningIfUnsupportedVersion)(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? (0,submodules_config.loadConfig)(httpAuthSchemes.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? serde.calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider/* defaultProvider */.v6,
        defaultSocketTimeout: (0,client.getDefaultSocketTimeout)(config?.requestHandler, 900_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? (0,client.createDefaultUserAgentProvider)({ serviceId: clientSharedValues.serviceId, clientVersion: package_namespaceObject.rE }),
        maxAttempts: config?.maxAttempts ?? (0,submodules_config.loadConfig)(retry.NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? (0,submodules_config.loadConfig)(submodules_config.NODE_REGION_CONFIG_OPTIONS, { ...submodules_config.NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: node_http_handler/* NodeHttpHandler */.$.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            (0,submodules_config.loadConfig)({
                ...retry.NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || retry.DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? serde.streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? (0,submodules_config.loadConfig)(submodules_config.NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? (0,submodules_config.loadConfig)(submodules_config.NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? (0,submodules_config.loadConfig)(client.NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/auth/httpAuthExtensionConfiguration.js
const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/runtimeExtensions.js




const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign((0,client.getAwsRegionExtensionConfiguration)(runtimeConfig), (0,submodules_client.getDefaultExtensionConfiguration)(runtimeConfig), (0,protocols.getHttpHandlerExtensionConfiguration)(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, (0,client.resolveAwsRegionExtensionConfiguration)(extensionConfiguration), (0,submodules_client.resolveDefaultRuntimeConfig)(extensionConfiguration), (0,protocols.resolveHttpHandlerRuntimeConfig)(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/RDSClient.js













class RDSClient extends submodules_client.Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = runtimeConfig_getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = (0,EndpointParameters/* resolveClientEndpointParameters */.v)(_config_0);
        const _config_2 = (0,client.resolveUserAgentConfig)(_config_1);
        const _config_3 = (0,retry.resolveRetryConfig)(_config_2);
        const _config_4 = (0,submodules_config.resolveRegionConfig)(_config_3);
        const _config_5 = (0,client.resolveHostHeaderConfig)(_config_4);
        const _config_6 = (0,endpoints.resolveEndpointConfig)(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use((0,schema.getSchemaSerdePlugin)(this.config));
        this.middlewareStack.use((0,client.getUserAgentPlugin)(this.config));
        this.middlewareStack.use((0,retry.getRetryPlugin)(this.config));
        this.middlewareStack.use((0,protocols.getContentLengthPlugin)(this.config));
        this.middlewareStack.use((0,client.getHostHeaderPlugin)(this.config));
        this.middlewareStack.use((0,client.getLoggerPlugin)(this.config));
        this.middlewareStack.use((0,client.getRecursionDetectionPlugin)(this.config));
        this.middlewareStack.use((0,dist_cjs.getHttpAuthSchemeEndpointRuleSetPlugin)(this.config, {
            httpAuthSchemeParametersProvider: defaultRDSHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new dist_cjs.DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use((0,dist_cjs.getHttpSigningPlugin)(this.config));
    }
    destroy() {
        super.destroy();
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commandBuilder.js + 1 modules
var commandBuilder = __webpack_require__(5329);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/AddRoleToDBClusterCommand.js


class AddRoleToDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "AddRoleToDBCluster", schemas_0/* AddRoleToDBCluster$ */.brG) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/AddRoleToDBInstanceCommand.js


class AddRoleToDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "AddRoleToDBInstance", schemas_0/* AddRoleToDBInstance$ */.sRv) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/AddSourceIdentifierToSubscriptionCommand.js


class AddSourceIdentifierToSubscriptionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "AddSourceIdentifierToSubscription", schemas_0/* AddSourceIdentifierToSubscription$ */.GPn) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/AddTagsToResourceCommand.js
var AddTagsToResourceCommand = __webpack_require__(6115);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ApplyPendingMaintenanceActionCommand.js


class ApplyPendingMaintenanceActionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ApplyPendingMaintenanceAction", schemas_0/* ApplyPendingMaintenanceAction$ */.bV1) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/AuthorizeDBSecurityGroupIngressCommand.js


class AuthorizeDBSecurityGroupIngressCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "AuthorizeDBSecurityGroupIngress", schemas_0/* AuthorizeDBSecurityGroupIngress$ */.OvK) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/BacktrackDBClusterCommand.js


class BacktrackDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "BacktrackDBCluster", schemas_0/* BacktrackDBCluster$ */.Lz) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CancelDBCapacityReservationCommand.js


class CancelDBCapacityReservationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CancelDBCapacityReservation", schemas_0/* CancelDBCapacityReservation$ */.Hyc) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CancelExportTaskCommand.js


class CancelExportTaskCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CancelExportTask", schemas_0/* CancelExportTask$ */.kpN) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CopyDBClusterParameterGroupCommand.js


class CopyDBClusterParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CopyDBClusterParameterGroup", schemas_0/* CopyDBClusterParameterGroup$ */.QS1) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CopyDBClusterSnapshotCommand.js


class CopyDBClusterSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "CopyDBClusterSnapshot", schemas_0/* CopyDBClusterSnapshot$ */.QXb) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CopyDBParameterGroupCommand.js


class CopyDBParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CopyDBParameterGroup", schemas_0/* CopyDBParameterGroup$ */._ub) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CopyDBSnapshotCommand.js


class CopyDBSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "CopyDBSnapshot", schemas_0/* CopyDBSnapshot$ */.oOk) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CopyOptionGroupCommand.js


class CopyOptionGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CopyOptionGroup", schemas_0/* CopyOptionGroup$ */.EJp) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateBlueGreenDeploymentCommand.js


class CreateBlueGreenDeploymentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateBlueGreenDeployment", schemas_0/* CreateBlueGreenDeployment$ */.R2j) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateCustomDBEngineVersionCommand.js


class CreateCustomDBEngineVersionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateCustomDBEngineVersion", schemas_0/* CreateCustomDBEngineVersion$ */.Ic1) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBCapacityReservationCommand.js


class CreateDBCapacityReservationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBCapacityReservation", schemas_0/* CreateDBCapacityReservation$ */.Lji) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBClusterCommand.js


class CreateDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "CreateDBCluster", schemas_0/* CreateDBCluster$ */.xCD) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBClusterEndpointCommand.js


class CreateDBClusterEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBClusterEndpoint", schemas_0/* CreateDBClusterEndpoint$ */.AuO) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBClusterParameterGroupCommand.js


class CreateDBClusterParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBClusterParameterGroup", schemas_0/* CreateDBClusterParameterGroup$ */.Rr7) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBClusterSnapshotCommand.js


class CreateDBClusterSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBClusterSnapshot", schemas_0/* CreateDBClusterSnapshot$ */.V4c) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBInstanceCommand.js


class CreateDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBInstance", schemas_0/* CreateDBInstance$ */.YpA) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBInstanceReadReplicaCommand.js


class CreateDBInstanceReadReplicaCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "CreateDBInstanceReadReplica", schemas_0/* CreateDBInstanceReadReplica$ */.AxX) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBParameterGroupCommand.js


class CreateDBParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBParameterGroup", schemas_0/* CreateDBParameterGroup$ */.hJ_) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBProxyCommand.js


class CreateDBProxyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBProxy", schemas_0/* CreateDBProxy$ */.Tkm) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBProxyEndpointCommand.js


class CreateDBProxyEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBProxyEndpoint", schemas_0/* CreateDBProxyEndpoint$ */.IbN) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBSecurityGroupCommand.js


class CreateDBSecurityGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBSecurityGroup", schemas_0/* CreateDBSecurityGroup$ */.OSO) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBShardGroupCommand.js


class CreateDBShardGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBShardGroup", schemas_0/* CreateDBShardGroup$ */.Y5z) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBSnapshotCommand.js


class CreateDBSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBSnapshot", schemas_0/* CreateDBSnapshot$ */.J_M) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateDBSubnetGroupCommand.js


class CreateDBSubnetGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateDBSubnetGroup", schemas_0/* CreateDBSubnetGroup$ */.DYx) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateEventSubscriptionCommand.js


class CreateEventSubscriptionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateEventSubscription", schemas_0/* CreateEventSubscription$ */.YYx) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateGlobalClusterCommand.js


class CreateGlobalClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateGlobalCluster", schemas_0/* CreateGlobalCluster$ */.sBr) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateIntegrationCommand.js


class CreateIntegrationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateIntegration", schemas_0/* CreateIntegration$ */.bKc) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateOptionGroupCommand.js


class CreateOptionGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateOptionGroup", schemas_0/* CreateOptionGroup$ */.PNz) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/CreateTenantDatabaseCommand.js


class CreateTenantDatabaseCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateTenantDatabase", schemas_0/* CreateTenantDatabase$ */.wvy) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteBlueGreenDeploymentCommand.js


class DeleteBlueGreenDeploymentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteBlueGreenDeployment", schemas_0/* DeleteBlueGreenDeployment$ */.KLW) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteCustomDBEngineVersionCommand.js


class DeleteCustomDBEngineVersionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteCustomDBEngineVersion", schemas_0/* DeleteCustomDBEngineVersion$ */.HT0) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterAutomatedBackupCommand.js


class DeleteDBClusterAutomatedBackupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBClusterAutomatedBackup", schemas_0/* DeleteDBClusterAutomatedBackup$ */.Gfy) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterCommand.js


class DeleteDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBCluster", schemas_0/* DeleteDBCluster$ */.mRk) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterEndpointCommand.js


class DeleteDBClusterEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBClusterEndpoint", schemas_0/* DeleteDBClusterEndpoint$ */.nrB) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterParameterGroupCommand.js


class DeleteDBClusterParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBClusterParameterGroup", schemas_0/* DeleteDBClusterParameterGroup$ */.QH) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBClusterSnapshotCommand.js


class DeleteDBClusterSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBClusterSnapshot", schemas_0/* DeleteDBClusterSnapshot$ */.ci0) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBInstanceAutomatedBackupCommand.js


class DeleteDBInstanceAutomatedBackupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBInstanceAutomatedBackup", schemas_0/* DeleteDBInstanceAutomatedBackup$ */.N9k) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBInstanceCommand.js


class DeleteDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBInstance", schemas_0/* DeleteDBInstance$ */.VWL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBParameterGroupCommand.js


class DeleteDBParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBParameterGroup", schemas_0/* DeleteDBParameterGroup$ */.gwN) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBProxyCommand.js


class DeleteDBProxyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBProxy", schemas_0/* DeleteDBProxy$ */.eKI) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBProxyEndpointCommand.js


class DeleteDBProxyEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBProxyEndpoint", schemas_0/* DeleteDBProxyEndpoint$ */.tJ1) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBSecurityGroupCommand.js


class DeleteDBSecurityGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBSecurityGroup", schemas_0/* DeleteDBSecurityGroup$ */.jE7) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBShardGroupCommand.js


class DeleteDBShardGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBShardGroup", schemas_0/* DeleteDBShardGroup$ */.z5L) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBSnapshotCommand.js


class DeleteDBSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBSnapshot", schemas_0/* DeleteDBSnapshot$ */._oT) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteDBSubnetGroupCommand.js


class DeleteDBSubnetGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDBSubnetGroup", schemas_0/* DeleteDBSubnetGroup$ */.cTR) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteEventSubscriptionCommand.js


class DeleteEventSubscriptionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteEventSubscription", schemas_0/* DeleteEventSubscription$ */.xOK) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteGlobalClusterCommand.js


class DeleteGlobalClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteGlobalCluster", schemas_0/* DeleteGlobalCluster$ */.Jv) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteIntegrationCommand.js


class DeleteIntegrationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteIntegration", schemas_0/* DeleteIntegration$ */.mQC) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteOptionGroupCommand.js


class DeleteOptionGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteOptionGroup", schemas_0/* DeleteOptionGroup$ */.SX) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeleteTenantDatabaseCommand.js


class DeleteTenantDatabaseCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteTenantDatabase", schemas_0/* DeleteTenantDatabase$ */.hkm) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DeregisterDBProxyTargetsCommand.js


class DeregisterDBProxyTargetsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeregisterDBProxyTargets", schemas_0/* DeregisterDBProxyTargets$ */.LDW) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeAccountAttributesCommand.js


class DescribeAccountAttributesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeAccountAttributes", schemas_0/* DescribeAccountAttributes$ */.Qoe) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeBlueGreenDeploymentsCommand.js


class DescribeBlueGreenDeploymentsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeBlueGreenDeployments", schemas_0/* DescribeBlueGreenDeployments$ */.Hs4) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeCertificatesCommand.js


class DescribeCertificatesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeCertificates", schemas_0/* DescribeCertificates$ */.wpE) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBCapacityReservationsCommand.js


class DescribeDBCapacityReservationsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBCapacityReservations", schemas_0/* DescribeDBCapacityReservations$ */.N5O) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterAutomatedBackupsCommand.js


class DescribeDBClusterAutomatedBackupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterAutomatedBackups", schemas_0/* DescribeDBClusterAutomatedBackups$ */.rcV) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterBacktracksCommand.js


class DescribeDBClusterBacktracksCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterBacktracks", schemas_0/* DescribeDBClusterBacktracks$ */.PJN) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterEndpointsCommand.js


class DescribeDBClusterEndpointsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterEndpoints", schemas_0/* DescribeDBClusterEndpoints$ */.iDY) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterParameterGroupsCommand.js


class DescribeDBClusterParameterGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterParameterGroups", schemas_0/* DescribeDBClusterParameterGroups$ */.$F) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterParametersCommand.js


class DescribeDBClusterParametersCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterParameters", schemas_0/* DescribeDBClusterParameters$ */.Qtb) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClustersCommand.js


class DescribeDBClustersCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusters", schemas_0/* DescribeDBClusters$ */.nIX) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterSnapshotAttributesCommand.js


class DescribeDBClusterSnapshotAttributesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterSnapshotAttributes", schemas_0/* DescribeDBClusterSnapshotAttributes$ */.Jd4) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBClusterSnapshotsCommand.js


class DescribeDBClusterSnapshotsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBClusterSnapshots", schemas_0/* DescribeDBClusterSnapshots$ */.LGZ) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBEngineVersionsCommand.js


class DescribeDBEngineVersionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBEngineVersions", schemas_0/* DescribeDBEngineVersions$ */.Ts) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBInstanceAutomatedBackupsCommand.js


class DescribeDBInstanceAutomatedBackupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBInstanceAutomatedBackups", schemas_0/* DescribeDBInstanceAutomatedBackups$ */.MF0) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBInstancesCommand.js
var DescribeDBInstancesCommand = __webpack_require__(9397);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBLogFilesCommand.js


class DescribeDBLogFilesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBLogFiles", schemas_0/* DescribeDBLogFiles$ */.NgS) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBMajorEngineVersionsCommand.js


class DescribeDBMajorEngineVersionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBMajorEngineVersions", schemas_0/* DescribeDBMajorEngineVersions$ */.Erg) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBParameterGroupsCommand.js


class DescribeDBParameterGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBParameterGroups", schemas_0/* DescribeDBParameterGroups$ */.jKI) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBParametersCommand.js


class DescribeDBParametersCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBParameters", schemas_0/* DescribeDBParameters$ */.a5e) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBProxiesCommand.js


class DescribeDBProxiesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBProxies", schemas_0/* DescribeDBProxies$ */.u9W) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBProxyEndpointsCommand.js


class DescribeDBProxyEndpointsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBProxyEndpoints", schemas_0/* DescribeDBProxyEndpoints$ */.kVW) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBProxyTargetGroupsCommand.js


class DescribeDBProxyTargetGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBProxyTargetGroups", schemas_0/* DescribeDBProxyTargetGroups$ */.z3P) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBProxyTargetsCommand.js


class DescribeDBProxyTargetsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBProxyTargets", schemas_0/* DescribeDBProxyTargets$ */.I1s) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBRecommendationsCommand.js


class DescribeDBRecommendationsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBRecommendations", schemas_0/* DescribeDBRecommendations$ */.sEO) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSecurityGroupsCommand.js


class DescribeDBSecurityGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBSecurityGroups", schemas_0/* DescribeDBSecurityGroups$ */._cI) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBShardGroupsCommand.js


class DescribeDBShardGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBShardGroups", schemas_0/* DescribeDBShardGroups$ */.cCz) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSnapshotAttributesCommand.js


class DescribeDBSnapshotAttributesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBSnapshotAttributes", schemas_0/* DescribeDBSnapshotAttributes$ */.JgM) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSnapshotsCommand.js


class DescribeDBSnapshotsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBSnapshots", schemas_0/* DescribeDBSnapshots$ */.x2x) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSnapshotTenantDatabasesCommand.js


class DescribeDBSnapshotTenantDatabasesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBSnapshotTenantDatabases", schemas_0/* DescribeDBSnapshotTenantDatabases$ */.eyi) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeDBSubnetGroupsCommand.js


class DescribeDBSubnetGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeDBSubnetGroups", schemas_0/* DescribeDBSubnetGroups$ */.FWW) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeEngineDefaultClusterParametersCommand.js


class DescribeEngineDefaultClusterParametersCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeEngineDefaultClusterParameters", schemas_0/* DescribeEngineDefaultClusterParameters$ */.$Ts) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeEngineDefaultParametersCommand.js


class DescribeEngineDefaultParametersCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeEngineDefaultParameters", schemas_0/* DescribeEngineDefaultParameters$ */.vLA) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeEventCategoriesCommand.js


class DescribeEventCategoriesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeEventCategories", schemas_0/* DescribeEventCategories$ */.UNk) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeEventsCommand.js


class DescribeEventsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeEvents", schemas_0/* DescribeEvents$ */.J7M) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeEventSubscriptionsCommand.js


class DescribeEventSubscriptionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeEventSubscriptions", schemas_0/* DescribeEventSubscriptions$ */.iRv) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeExportTasksCommand.js


class DescribeExportTasksCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeExportTasks", schemas_0/* DescribeExportTasks$ */.Ujv) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeGlobalClustersCommand.js


class DescribeGlobalClustersCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeGlobalClusters", schemas_0/* DescribeGlobalClusters$ */.K6b) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeIntegrationsCommand.js


class DescribeIntegrationsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeIntegrations", schemas_0/* DescribeIntegrations$ */.Z27) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeOptionGroupOptionsCommand.js


class DescribeOptionGroupOptionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeOptionGroupOptions", schemas_0/* DescribeOptionGroupOptions$ */.Q09) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeOptionGroupsCommand.js


class DescribeOptionGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeOptionGroups", schemas_0/* DescribeOptionGroups$ */.dF3) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeOrderableDBInstanceOptionsCommand.js


class DescribeOrderableDBInstanceOptionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeOrderableDBInstanceOptions", schemas_0/* DescribeOrderableDBInstanceOptions$ */.zu3) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribePendingMaintenanceActionsCommand.js


class DescribePendingMaintenanceActionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribePendingMaintenanceActions", schemas_0/* DescribePendingMaintenanceActions$ */.TWW) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeReservedDBInstancesCommand.js


class DescribeReservedDBInstancesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeReservedDBInstances", schemas_0/* DescribeReservedDBInstances$ */.AGK) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeReservedDBInstancesOfferingsCommand.js


class DescribeReservedDBInstancesOfferingsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeReservedDBInstancesOfferings", schemas_0/* DescribeReservedDBInstancesOfferings$ */.HoY) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeServerlessV2PlatformVersionsCommand.js


class DescribeServerlessV2PlatformVersionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeServerlessV2PlatformVersions", schemas_0/* DescribeServerlessV2PlatformVersions$ */.MBP) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeSourceRegionsCommand.js


class DescribeSourceRegionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeSourceRegions", schemas_0/* DescribeSourceRegions$ */.kAL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeTenantDatabasesCommand.js


class DescribeTenantDatabasesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeTenantDatabases", schemas_0/* DescribeTenantDatabases$ */.W9I) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DescribeValidDBInstanceModificationsCommand.js


class DescribeValidDBInstanceModificationsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeValidDBInstanceModifications", schemas_0/* DescribeValidDBInstanceModifications$ */.c1p) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DisableHttpEndpointCommand.js


class DisableHttpEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DisableHttpEndpoint", schemas_0/* DisableHttpEndpoint$ */.GRu) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/DownloadDBLogFilePortionCommand.js


class DownloadDBLogFilePortionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DownloadDBLogFilePortion", schemas_0/* DownloadDBLogFilePortion$ */.ohm) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/EnableHttpEndpointCommand.js


class EnableHttpEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "EnableHttpEndpoint", schemas_0/* EnableHttpEndpoint$ */.ZMc) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/FailoverDBClusterCommand.js


class FailoverDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "FailoverDBCluster", schemas_0/* FailoverDBCluster$ */.YeP) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/FailoverGlobalClusterCommand.js


class FailoverGlobalClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "FailoverGlobalCluster", schemas_0/* FailoverGlobalCluster$ */._nG) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ListTagsForResourceCommand.js
var ListTagsForResourceCommand = __webpack_require__(1906);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyActivityStreamCommand.js


class ModifyActivityStreamCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyActivityStream", schemas_0/* ModifyActivityStream$ */.QQQ) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyCertificatesCommand.js


class ModifyCertificatesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyCertificates", schemas_0/* ModifyCertificates$ */.PPw) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyCurrentDBClusterCapacityCommand.js


class ModifyCurrentDBClusterCapacityCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyCurrentDBClusterCapacity", schemas_0/* ModifyCurrentDBClusterCapacity$ */.auj) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyCustomDBEngineVersionCommand.js


class ModifyCustomDBEngineVersionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyCustomDBEngineVersion", schemas_0/* ModifyCustomDBEngineVersion$ */.Qvz) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBCapacityReservationCommand.js


class ModifyDBCapacityReservationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBCapacityReservation", schemas_0/* ModifyDBCapacityReservation$ */.tzh) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBClusterCommand.js


class ModifyDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBCluster", schemas_0/* ModifyDBCluster$ */.fQL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBClusterEndpointCommand.js


class ModifyDBClusterEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBClusterEndpoint", schemas_0/* ModifyDBClusterEndpoint$ */.QP4) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBClusterParameterGroupCommand.js


class ModifyDBClusterParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBClusterParameterGroup", schemas_0/* ModifyDBClusterParameterGroup$ */.dwN) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBClusterSnapshotAttributeCommand.js


class ModifyDBClusterSnapshotAttributeCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBClusterSnapshotAttribute", schemas_0/* ModifyDBClusterSnapshotAttribute$ */.BKF) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBInstanceCommand.js


class ModifyDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBInstance", schemas_0/* ModifyDBInstance$ */.S$z) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBParameterGroupCommand.js


class ModifyDBParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBParameterGroup", schemas_0/* ModifyDBParameterGroup$ */.jb_) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBProxyCommand.js


class ModifyDBProxyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBProxy", schemas_0/* ModifyDBProxy$ */.BYk) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBProxyEndpointCommand.js


class ModifyDBProxyEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBProxyEndpoint", schemas_0/* ModifyDBProxyEndpoint$ */.GhU) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBProxyTargetGroupCommand.js


class ModifyDBProxyTargetGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBProxyTargetGroup", schemas_0/* ModifyDBProxyTargetGroup$ */.bck) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBRecommendationCommand.js


class ModifyDBRecommendationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBRecommendation", schemas_0/* ModifyDBRecommendation$ */.EI) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBShardGroupCommand.js


class ModifyDBShardGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBShardGroup", schemas_0/* ModifyDBShardGroup$ */.wym) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBSnapshotAttributeCommand.js


class ModifyDBSnapshotAttributeCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBSnapshotAttribute", schemas_0/* ModifyDBSnapshotAttribute$ */.Z83) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBSnapshotCommand.js


class ModifyDBSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBSnapshot", schemas_0/* ModifyDBSnapshot$ */.n_7) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyDBSubnetGroupCommand.js


class ModifyDBSubnetGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyDBSubnetGroup", schemas_0/* ModifyDBSubnetGroup$ */.dE) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyEventSubscriptionCommand.js


class ModifyEventSubscriptionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyEventSubscription", schemas_0/* ModifyEventSubscription$ */.ErN) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyGlobalClusterCommand.js


class ModifyGlobalClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyGlobalCluster", schemas_0/* ModifyGlobalCluster$ */.exn) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyIntegrationCommand.js


class ModifyIntegrationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyIntegration", schemas_0/* ModifyIntegration$ */.jXq) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyOptionGroupCommand.js


class ModifyOptionGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyOptionGroup", schemas_0/* ModifyOptionGroup$ */.ldG) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ModifyTenantDatabaseCommand.js


class ModifyTenantDatabaseCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ModifyTenantDatabase", schemas_0/* ModifyTenantDatabase$ */.G3d) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/PromoteReadReplicaCommand.js


class PromoteReadReplicaCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PromoteReadReplica", schemas_0/* PromoteReadReplica$ */.lPA) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/PromoteReadReplicaDBClusterCommand.js


class PromoteReadReplicaDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PromoteReadReplicaDBCluster", schemas_0/* PromoteReadReplicaDBCluster$ */.bTq) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/PurchaseReservedDBInstancesOfferingCommand.js


class PurchaseReservedDBInstancesOfferingCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PurchaseReservedDBInstancesOffering", schemas_0/* PurchaseReservedDBInstancesOffering$ */.yRL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RebootDBClusterCommand.js


class RebootDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RebootDBCluster", schemas_0/* RebootDBCluster$ */.AH_) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RebootDBInstanceCommand.js


class RebootDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RebootDBInstance", schemas_0/* RebootDBInstance$ */.ZTL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RebootDBShardGroupCommand.js


class RebootDBShardGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RebootDBShardGroup", schemas_0/* RebootDBShardGroup$ */.jI_) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RegisterDBProxyTargetsCommand.js


class RegisterDBProxyTargetsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RegisterDBProxyTargets", schemas_0/* RegisterDBProxyTargets$ */.SYv) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RemoveFromGlobalClusterCommand.js


class RemoveFromGlobalClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RemoveFromGlobalCluster", schemas_0/* RemoveFromGlobalCluster$ */.oP$) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RemoveRoleFromDBClusterCommand.js


class RemoveRoleFromDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RemoveRoleFromDBCluster", schemas_0/* RemoveRoleFromDBCluster$ */.Dj2) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RemoveRoleFromDBInstanceCommand.js


class RemoveRoleFromDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RemoveRoleFromDBInstance", schemas_0/* RemoveRoleFromDBInstance$ */.Yjb) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RemoveSourceIdentifierFromSubscriptionCommand.js


class RemoveSourceIdentifierFromSubscriptionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RemoveSourceIdentifierFromSubscription", schemas_0/* RemoveSourceIdentifierFromSubscription$ */.e7s) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RemoveTagsFromResourceCommand.js


class RemoveTagsFromResourceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RemoveTagsFromResource", schemas_0/* RemoveTagsFromResource$ */.MRo) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ResetDBClusterParameterGroupCommand.js


class ResetDBClusterParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ResetDBClusterParameterGroup", schemas_0/* ResetDBClusterParameterGroup$ */.mJ3) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/ResetDBParameterGroupCommand.js


class ResetDBParameterGroupCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ResetDBParameterGroup", schemas_0/* ResetDBParameterGroup$ */.wxe) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBClusterFromS3Command.js


class RestoreDBClusterFromS3Command extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RestoreDBClusterFromS3", schemas_0/* RestoreDBClusterFromS3$ */.PM0) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBClusterFromSnapshotCommand.js


class RestoreDBClusterFromSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RestoreDBClusterFromSnapshot", schemas_0/* RestoreDBClusterFromSnapshot$ */.DNW) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBClusterToPointInTimeCommand.js


class RestoreDBClusterToPointInTimeCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RestoreDBClusterToPointInTime", schemas_0/* RestoreDBClusterToPointInTime$ */.Spt) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBInstanceFromDBSnapshotCommand.js


class RestoreDBInstanceFromDBSnapshotCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RestoreDBInstanceFromDBSnapshot", schemas_0/* RestoreDBInstanceFromDBSnapshot$ */.mVH) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBInstanceFromS3Command.js


class RestoreDBInstanceFromS3Command extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RestoreDBInstanceFromS3", schemas_0/* RestoreDBInstanceFromS3$ */.YIM) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RestoreDBInstanceToPointInTimeCommand.js


class RestoreDBInstanceToPointInTimeCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RestoreDBInstanceToPointInTime", schemas_0/* RestoreDBInstanceToPointInTime$ */.puV) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/RevokeDBSecurityGroupIngressCommand.js


class RevokeDBSecurityGroupIngressCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RevokeDBSecurityGroupIngress", schemas_0/* RevokeDBSecurityGroupIngress$ */.B$i) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StartActivityStreamCommand.js


class StartActivityStreamCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StartActivityStream", schemas_0/* StartActivityStream$ */.CDL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StartDBClusterCommand.js


class StartDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StartDBCluster", schemas_0/* StartDBCluster$ */.zAk) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StartDBInstanceAutomatedBackupsReplicationCommand.js


class StartDBInstanceAutomatedBackupsReplicationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "StartDBInstanceAutomatedBackupsReplication", schemas_0/* StartDBInstanceAutomatedBackupsReplication$ */.XpP) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StartDBInstanceCommand.js


class StartDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StartDBInstance", schemas_0/* StartDBInstance$ */.ACB) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StartExportTaskCommand.js


class StartExportTaskCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StartExportTask", schemas_0/* StartExportTask$ */.WWm) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StopActivityStreamCommand.js


class StopActivityStreamCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StopActivityStream", schemas_0/* StopActivityStream$ */.UBx) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StopDBClusterCommand.js


class StopDBClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StopDBCluster", schemas_0/* StopDBCluster$ */.l6$) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StopDBInstanceAutomatedBackupsReplicationCommand.js


class StopDBInstanceAutomatedBackupsReplicationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StopDBInstanceAutomatedBackupsReplication", schemas_0/* StopDBInstanceAutomatedBackupsReplication$ */.XAr) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/StopDBInstanceCommand.js


class StopDBInstanceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StopDBInstance", schemas_0/* StopDBInstance$ */._aF) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/SwitchoverBlueGreenDeploymentCommand.js


class SwitchoverBlueGreenDeploymentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "SwitchoverBlueGreenDeployment", schemas_0/* SwitchoverBlueGreenDeployment$ */.xBw) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/SwitchoverGlobalClusterCommand.js


class SwitchoverGlobalClusterCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "SwitchoverGlobalCluster", schemas_0/* SwitchoverGlobalCluster$ */.e$3) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/SwitchoverReadReplicaCommand.js


class SwitchoverReadReplicaCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "SwitchoverReadReplica", schemas_0/* SwitchoverReadReplica$ */.f_Z) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeBlueGreenDeploymentsPaginator.js



const paginateDescribeBlueGreenDeployments = (0,dist_cjs.createPaginator)(RDSClient, DescribeBlueGreenDeploymentsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeCertificatesPaginator.js



const paginateDescribeCertificates = (0,dist_cjs.createPaginator)(RDSClient, DescribeCertificatesCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBCapacityReservationsPaginator.js



const paginateDescribeDBCapacityReservations = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBCapacityReservationsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterAutomatedBackupsPaginator.js



const paginateDescribeDBClusterAutomatedBackups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClusterAutomatedBackupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterBacktracksPaginator.js



const paginateDescribeDBClusterBacktracks = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClusterBacktracksCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterEndpointsPaginator.js



const paginateDescribeDBClusterEndpoints = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClusterEndpointsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterParameterGroupsPaginator.js



const paginateDescribeDBClusterParameterGroups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClusterParameterGroupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterParametersPaginator.js



const paginateDescribeDBClusterParameters = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClusterParametersCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClusterSnapshotsPaginator.js



const paginateDescribeDBClusterSnapshots = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClusterSnapshotsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBClustersPaginator.js



const paginateDescribeDBClusters = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBClustersCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBEngineVersionsPaginator.js



const paginateDescribeDBEngineVersions = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBEngineVersionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBInstanceAutomatedBackupsPaginator.js



const paginateDescribeDBInstanceAutomatedBackups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBInstanceAutomatedBackupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBInstancesPaginator.js



const paginateDescribeDBInstances = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBLogFilesPaginator.js



const paginateDescribeDBLogFiles = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBLogFilesCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBMajorEngineVersionsPaginator.js



const paginateDescribeDBMajorEngineVersions = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBMajorEngineVersionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBParameterGroupsPaginator.js



const paginateDescribeDBParameterGroups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBParameterGroupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBParametersPaginator.js



const paginateDescribeDBParameters = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBParametersCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBProxiesPaginator.js



const paginateDescribeDBProxies = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBProxiesCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBProxyEndpointsPaginator.js



const paginateDescribeDBProxyEndpoints = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBProxyEndpointsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBProxyTargetGroupsPaginator.js



const paginateDescribeDBProxyTargetGroups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBProxyTargetGroupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBProxyTargetsPaginator.js



const paginateDescribeDBProxyTargets = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBProxyTargetsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBRecommendationsPaginator.js



const paginateDescribeDBRecommendations = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBRecommendationsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBSecurityGroupsPaginator.js



const paginateDescribeDBSecurityGroups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBSecurityGroupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBSnapshotsPaginator.js



const paginateDescribeDBSnapshots = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBSnapshotsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBSnapshotTenantDatabasesPaginator.js



const paginateDescribeDBSnapshotTenantDatabases = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBSnapshotTenantDatabasesCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeDBSubnetGroupsPaginator.js



const paginateDescribeDBSubnetGroups = (0,dist_cjs.createPaginator)(RDSClient, DescribeDBSubnetGroupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeEngineDefaultClusterParametersPaginator.js



const paginateDescribeEngineDefaultClusterParameters = (0,dist_cjs.createPaginator)(RDSClient, DescribeEngineDefaultClusterParametersCommand, "Marker", "EngineDefaults.Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeEngineDefaultParametersPaginator.js



const paginateDescribeEngineDefaultParameters = (0,dist_cjs.createPaginator)(RDSClient, DescribeEngineDefaultParametersCommand, "Marker", "EngineDefaults.Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeEventsPaginator.js



const paginateDescribeEvents = (0,dist_cjs.createPaginator)(RDSClient, DescribeEventsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeEventSubscriptionsPaginator.js



const paginateDescribeEventSubscriptions = (0,dist_cjs.createPaginator)(RDSClient, DescribeEventSubscriptionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeExportTasksPaginator.js



const paginateDescribeExportTasks = (0,dist_cjs.createPaginator)(RDSClient, DescribeExportTasksCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeGlobalClustersPaginator.js



const paginateDescribeGlobalClusters = (0,dist_cjs.createPaginator)(RDSClient, DescribeGlobalClustersCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeIntegrationsPaginator.js



const paginateDescribeIntegrations = (0,dist_cjs.createPaginator)(RDSClient, DescribeIntegrationsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeOptionGroupOptionsPaginator.js



const paginateDescribeOptionGroupOptions = (0,dist_cjs.createPaginator)(RDSClient, DescribeOptionGroupOptionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeOptionGroupsPaginator.js



const paginateDescribeOptionGroups = (0,dist_cjs.createPaginator)(RDSClient, DescribeOptionGroupsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeOrderableDBInstanceOptionsPaginator.js



const paginateDescribeOrderableDBInstanceOptions = (0,dist_cjs.createPaginator)(RDSClient, DescribeOrderableDBInstanceOptionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribePendingMaintenanceActionsPaginator.js



const paginateDescribePendingMaintenanceActions = (0,dist_cjs.createPaginator)(RDSClient, DescribePendingMaintenanceActionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeReservedDBInstancesOfferingsPaginator.js



const paginateDescribeReservedDBInstancesOfferings = (0,dist_cjs.createPaginator)(RDSClient, DescribeReservedDBInstancesOfferingsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeReservedDBInstancesPaginator.js



const paginateDescribeReservedDBInstances = (0,dist_cjs.createPaginator)(RDSClient, DescribeReservedDBInstancesCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeServerlessV2PlatformVersionsPaginator.js



const paginateDescribeServerlessV2PlatformVersions = (0,dist_cjs.createPaginator)(RDSClient, DescribeServerlessV2PlatformVersionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeSourceRegionsPaginator.js



const paginateDescribeSourceRegions = (0,dist_cjs.createPaginator)(RDSClient, DescribeSourceRegionsCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DescribeTenantDatabasesPaginator.js



const paginateDescribeTenantDatabases = (0,dist_cjs.createPaginator)(RDSClient, DescribeTenantDatabasesCommand, "Marker", "Marker", "MaxRecords");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/DownloadDBLogFilePortionPaginator.js



const paginateDownloadDBLogFilePortion = (0,dist_cjs.createPaginator)(RDSClient, DownloadDBLogFilePortionCommand, "Marker", "Marker", "NumberOfLines");

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBClusterAvailable.js


const checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBClustersCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            let allStringEq_5 = (returnComparator().length > 0);
            for (let element_4 of returnComparator()) {
                allStringEq_5 = allStringEq_5 && (element_4 == "available");
            }
            if (allStringEq_5) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleted") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "failed") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-restore") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-parameters") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBClusterAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, checkState);
};
const waitUntilDBClusterAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBClusterDeleted.js


const waitForDBClusterDeleted_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBClustersCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return (result.DBClusters.length == 0);
            };
            if (returnComparator() == true) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "creating") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "modifying") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "rebooting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusters);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "resetting-master-credentials") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "DBClusterNotFoundFault") {
            return { state: submodules_client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBClusterDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBClusterDeleted_checkState);
};
const waitUntilDBClusterDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBClusterDeleted_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBClusterSnapshotAvailable.js


const waitForDBClusterSnapshotAvailable_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBClusterSnapshotsCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            let allStringEq_5 = (returnComparator().length > 0);
            for (let element_4 of returnComparator()) {
                allStringEq_5 = allStringEq_5 && (element_4 == "available");
            }
            if (allStringEq_5) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleted") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "failed") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-restore") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-parameters") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBClusterSnapshotAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBClusterSnapshotAvailable_checkState);
};
const waitUntilDBClusterSnapshotAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBClusterSnapshotAvailable_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBClusterSnapshotDeleted.js


const waitForDBClusterSnapshotDeleted_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBClusterSnapshotsCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return (result.DBClusterSnapshots.length == 0);
            };
            if (returnComparator() == true) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "creating") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "modifying") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "rebooting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBClusterSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "resetting-master-credentials") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "DBClusterSnapshotNotFoundFault") {
            return { state: submodules_client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBClusterSnapshotDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBClusterSnapshotDeleted_checkState);
};
const waitUntilDBClusterSnapshotDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBClusterSnapshotDeleted_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBInstanceAvailable.js


const waitForDBInstanceAvailable_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h(input));
        reason = result;
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            let allStringEq_5 = (returnComparator().length > 0);
            for (let element_4 of returnComparator()) {
                allStringEq_5 = allStringEq_5 && (element_4 == "available");
            }
            if (allStringEq_5) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleted") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "failed") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-restore") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-parameters") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBInstanceAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBInstanceAvailable_checkState);
};
const waitUntilDBInstanceAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBInstanceAvailable_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBInstanceDeleted.js


const waitForDBInstanceDeleted_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h(input));
        reason = result;
        try {
            const returnComparator = () => {
                return (result.DBInstances.length == 0);
            };
            if (returnComparator() == true) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "creating") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "modifying") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "rebooting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBInstances);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.DBInstanceStatus;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "resetting-master-credentials") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "DBInstanceNotFoundFault") {
            return { state: submodules_client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBInstanceDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBInstanceDeleted_checkState);
};
const waitUntilDBInstanceDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBInstanceDeleted_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBSnapshotAvailable.js


const waitForDBSnapshotAvailable_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBSnapshotsCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            let allStringEq_5 = (returnComparator().length > 0);
            for (let element_4 of returnComparator()) {
                allStringEq_5 = allStringEq_5 && (element_4 == "available");
            }
            if (allStringEq_5) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleted") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "failed") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-restore") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-parameters") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBSnapshotAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBSnapshotAvailable_checkState);
};
const waitUntilDBSnapshotAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBSnapshotAvailable_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForDBSnapshotDeleted.js


const waitForDBSnapshotDeleted_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeDBSnapshotsCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return (result.DBSnapshots.length == 0);
            };
            if (returnComparator() == true) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "creating") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "modifying") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "rebooting") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.DBSnapshots);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "resetting-master-credentials") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "DBSnapshotNotFoundFault") {
            return { state: submodules_client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForDBSnapshotDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBSnapshotDeleted_checkState);
};
const waitUntilDBSnapshotDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForDBSnapshotDeleted_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForTenantDatabaseAvailable.js


const waitForTenantDatabaseAvailable_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeTenantDatabasesCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.TenantDatabases);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            let allStringEq_5 = (returnComparator().length > 0);
            for (let element_4 of returnComparator()) {
                allStringEq_5 = allStringEq_5 && (element_4 == "available");
            }
            if (allStringEq_5) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.TenantDatabases);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "deleted") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.TenantDatabases);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-parameters") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                let flat_1 = [].concat(...result.TenantDatabases);
                let projection_3 = flat_1.map((element_2) => {
                    return element_2.Status;
                });
                return projection_3;
            };
            for (let anyStringEq_4 of returnComparator()) {
                if (anyStringEq_4 == "incompatible-restore") {
                    return { state: submodules_client.WaiterState.FAILURE, reason };
                }
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForTenantDatabaseAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForTenantDatabaseAvailable_checkState);
};
const waitUntilTenantDatabaseAvailable = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForTenantDatabaseAvailable_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/waitForTenantDatabaseDeleted.js


const waitForTenantDatabaseDeleted_checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new DescribeTenantDatabasesCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return (result.TenantDatabases.length == 0);
            };
            if (returnComparator() == true) {
                return { state: submodules_client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "DBInstanceNotFoundFault") {
            return { state: submodules_client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: submodules_client.WaiterState.RETRY, reason };
};
const waitForTenantDatabaseDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    return (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForTenantDatabaseDeleted_checkState);
};
const waitUntilTenantDatabaseDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 1800 };
    const result = await (0,submodules_client.createWaiter)({ ...serviceDefaults, ...params }, input, waitForTenantDatabaseDeleted_checkState);
    return (0,submodules_client.checkExceptions)(result);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/RDS.js































































































































































































































const commands = {
    AddRoleToDBClusterCommand: AddRoleToDBClusterCommand,
    AddRoleToDBInstanceCommand: AddRoleToDBInstanceCommand,
    AddSourceIdentifierToSubscriptionCommand: AddSourceIdentifierToSubscriptionCommand,
    AddTagsToResourceCommand: AddTagsToResourceCommand/* AddTagsToResourceCommand */.X,
    ApplyPendingMaintenanceActionCommand: ApplyPendingMaintenanceActionCommand,
    AuthorizeDBSecurityGroupIngressCommand: AuthorizeDBSecurityGroupIngressCommand,
    BacktrackDBClusterCommand: BacktrackDBClusterCommand,
    CancelDBCapacityReservationCommand: CancelDBCapacityReservationCommand,
    CancelExportTaskCommand: CancelExportTaskCommand,
    CopyDBClusterParameterGroupCommand: CopyDBClusterParameterGroupCommand,
    CopyDBClusterSnapshotCommand: CopyDBClusterSnapshotCommand,
    CopyDBParameterGroupCommand: CopyDBParameterGroupCommand,
    CopyDBSnapshotCommand: CopyDBSnapshotCommand,
    CopyOptionGroupCommand: CopyOptionGroupCommand,
    CreateBlueGreenDeploymentCommand: CreateBlueGreenDeploymentCommand,
    CreateCustomDBEngineVersionCommand: CreateCustomDBEngineVersionCommand,
    CreateDBCapacityReservationCommand: CreateDBCapacityReservationCommand,
    CreateDBClusterCommand: CreateDBClusterCommand,
    CreateDBClusterEndpointCommand: CreateDBClusterEndpointCommand,
    CreateDBClusterParameterGroupCommand: CreateDBClusterParameterGroupCommand,
    CreateDBClusterSnapshotCommand: CreateDBClusterSnapshotCommand,
    CreateDBInstanceCommand: CreateDBInstanceCommand,
    CreateDBInstanceReadReplicaCommand: CreateDBInstanceReadReplicaCommand,
    CreateDBParameterGroupCommand: CreateDBParameterGroupCommand,
    CreateDBProxyCommand: CreateDBProxyCommand,
    CreateDBProxyEndpointCommand: CreateDBProxyEndpointCommand,
    CreateDBSecurityGroupCommand: CreateDBSecurityGroupCommand,
    CreateDBShardGroupCommand: CreateDBShardGroupCommand,
    CreateDBSnapshotCommand: CreateDBSnapshotCommand,
    CreateDBSubnetGroupCommand: CreateDBSubnetGroupCommand,
    CreateEventSubscriptionCommand: CreateEventSubscriptionCommand,
    CreateGlobalClusterCommand: CreateGlobalClusterCommand,
    CreateIntegrationCommand: CreateIntegrationCommand,
    CreateOptionGroupCommand: CreateOptionGroupCommand,
    CreateTenantDatabaseCommand: CreateTenantDatabaseCommand,
    DeleteBlueGreenDeploymentCommand: DeleteBlueGreenDeploymentCommand,
    DeleteCustomDBEngineVersionCommand: DeleteCustomDBEngineVersionCommand,
    DeleteDBClusterCommand: DeleteDBClusterCommand,
    DeleteDBClusterAutomatedBackupCommand: DeleteDBClusterAutomatedBackupCommand,
    DeleteDBClusterEndpointCommand: DeleteDBClusterEndpointCommand,
    DeleteDBClusterParameterGroupCommand: DeleteDBClusterParameterGroupCommand,
    DeleteDBClusterSnapshotCommand: DeleteDBClusterSnapshotCommand,
    DeleteDBInstanceCommand: DeleteDBInstanceCommand,
    DeleteDBInstanceAutomatedBackupCommand: DeleteDBInstanceAutomatedBackupCommand,
    DeleteDBParameterGroupCommand: DeleteDBParameterGroupCommand,
    DeleteDBProxyCommand: DeleteDBProxyCommand,
    DeleteDBProxyEndpointCommand: DeleteDBProxyEndpointCommand,
    DeleteDBSecurityGroupCommand: DeleteDBSecurityGroupCommand,
    DeleteDBShardGroupCommand: DeleteDBShardGroupCommand,
    DeleteDBSnapshotCommand: DeleteDBSnapshotCommand,
    DeleteDBSubnetGroupCommand: DeleteDBSubnetGroupCommand,
    DeleteEventSubscriptionCommand: DeleteEventSubscriptionCommand,
    DeleteGlobalClusterCommand: DeleteGlobalClusterCommand,
    DeleteIntegrationCommand: DeleteIntegrationCommand,
    DeleteOptionGroupCommand: DeleteOptionGroupCommand,
    DeleteTenantDatabaseCommand: DeleteTenantDatabaseCommand,
    DeregisterDBProxyTargetsCommand: DeregisterDBProxyTargetsCommand,
    DescribeAccountAttributesCommand: DescribeAccountAttributesCommand,
    DescribeBlueGreenDeploymentsCommand: DescribeBlueGreenDeploymentsCommand,
    DescribeCertificatesCommand: DescribeCertificatesCommand,
    DescribeDBCapacityReservationsCommand: DescribeDBCapacityReservationsCommand,
    DescribeDBClusterAutomatedBackupsCommand: DescribeDBClusterAutomatedBackupsCommand,
    DescribeDBClusterBacktracksCommand: DescribeDBClusterBacktracksCommand,
    DescribeDBClusterEndpointsCommand: DescribeDBClusterEndpointsCommand,
    DescribeDBClusterParameterGroupsCommand: DescribeDBClusterParameterGroupsCommand,
    DescribeDBClusterParametersCommand: DescribeDBClusterParametersCommand,
    DescribeDBClustersCommand: DescribeDBClustersCommand,
    DescribeDBClusterSnapshotAttributesCommand: DescribeDBClusterSnapshotAttributesCommand,
    DescribeDBClusterSnapshotsCommand: DescribeDBClusterSnapshotsCommand,
    DescribeDBEngineVersionsCommand: DescribeDBEngineVersionsCommand,
    DescribeDBInstanceAutomatedBackupsCommand: DescribeDBInstanceAutomatedBackupsCommand,
    DescribeDBInstancesCommand: DescribeDBInstancesCommand/* DescribeDBInstancesCommand */.h,
    DescribeDBLogFilesCommand: DescribeDBLogFilesCommand,
    DescribeDBMajorEngineVersionsCommand: DescribeDBMajorEngineVersionsCommand,
    DescribeDBParameterGroupsCommand: DescribeDBParameterGroupsCommand,
    DescribeDBParametersCommand: DescribeDBParametersCommand,
    DescribeDBProxiesCommand: DescribeDBProxiesCommand,
    DescribeDBProxyEndpointsCommand: DescribeDBProxyEndpointsCommand,
    DescribeDBProxyTargetGroupsCommand: DescribeDBProxyTargetGroupsCommand,
    DescribeDBProxyTargetsCommand: DescribeDBProxyTargetsCommand,
    DescribeDBRecommendationsCommand: DescribeDBRecommendationsCommand,
    DescribeDBSecurityGroupsCommand: DescribeDBSecurityGroupsCommand,
    DescribeDBShardGroupsCommand: DescribeDBShardGroupsCommand,
    DescribeDBSnapshotAttributesCommand: DescribeDBSnapshotAttributesCommand,
    DescribeDBSnapshotsCommand: DescribeDBSnapshotsCommand,
    DescribeDBSnapshotTenantDatabasesCommand: DescribeDBSnapshotTenantDatabasesCommand,
    DescribeDBSubnetGroupsCommand: DescribeDBSubnetGroupsCommand,
    DescribeEngineDefaultClusterParametersCommand: DescribeEngineDefaultClusterParametersCommand,
    DescribeEngineDefaultParametersCommand: DescribeEngineDefaultParametersCommand,
    DescribeEventCategoriesCommand: DescribeEventCategoriesCommand,
    DescribeEventsCommand: DescribeEventsCommand,
    DescribeEventSubscriptionsCommand: DescribeEventSubscriptionsCommand,
    DescribeExportTasksCommand: DescribeExportTasksCommand,
    DescribeGlobalClustersCommand: DescribeGlobalClustersCommand,
    DescribeIntegrationsCommand: DescribeIntegrationsCommand,
    DescribeOptionGroupOptionsCommand: DescribeOptionGroupOptionsCommand,
    DescribeOptionGroupsCommand: DescribeOptionGroupsCommand,
    DescribeOrderableDBInstanceOptionsCommand: DescribeOrderableDBInstanceOptionsCommand,
    DescribePendingMaintenanceActionsCommand: DescribePendingMaintenanceActionsCommand,
    DescribeReservedDBInstancesCommand: DescribeReservedDBInstancesCommand,
    DescribeReservedDBInstancesOfferingsCommand: DescribeReservedDBInstancesOfferingsCommand,
    DescribeServerlessV2PlatformVersionsCommand: DescribeServerlessV2PlatformVersionsCommand,
    DescribeSourceRegionsCommand: DescribeSourceRegionsCommand,
    DescribeTenantDatabasesCommand: DescribeTenantDatabasesCommand,
    DescribeValidDBInstanceModificationsCommand: DescribeValidDBInstanceModificationsCommand,
    DisableHttpEndpointCommand: DisableHttpEndpointCommand,
    DownloadDBLogFilePortionCommand: DownloadDBLogFilePortionCommand,
    EnableHttpEndpointCommand: EnableHttpEndpointCommand,
    FailoverDBClusterCommand: FailoverDBClusterCommand,
    FailoverGlobalClusterCommand: FailoverGlobalClusterCommand,
    ListTagsForResourceCommand: ListTagsForResourceCommand/* ListTagsForResourceCommand */.a,
    ModifyActivityStreamCommand: ModifyActivityStreamCommand,
    ModifyCertificatesCommand: ModifyCertificatesCommand,
    ModifyCurrentDBClusterCapacityCommand: ModifyCurrentDBClusterCapacityCommand,
    ModifyCustomDBEngineVersionCommand: ModifyCustomDBEngineVersionCommand,
    ModifyDBCapacityReservationCommand: ModifyDBCapacityReservationCommand,
    ModifyDBClusterCommand: ModifyDBClusterCommand,
    ModifyDBClusterEndpointCommand: ModifyDBClusterEndpointCommand,
    ModifyDBClusterParameterGroupCommand: ModifyDBClusterParameterGroupCommand,
    ModifyDBClusterSnapshotAttributeCommand: ModifyDBClusterSnapshotAttributeCommand,
    ModifyDBInstanceCommand: ModifyDBInstanceCommand,
    ModifyDBParameterGroupCommand: ModifyDBParameterGroupCommand,
    ModifyDBProxyCommand: ModifyDBProxyCommand,
    ModifyDBProxyEndpointCommand: ModifyDBProxyEndpointCommand,
    ModifyDBProxyTargetGroupCommand: ModifyDBProxyTargetGroupCommand,
    ModifyDBRecommendationCommand: ModifyDBRecommendationCommand,
    ModifyDBShardGroupCommand: ModifyDBShardGroupCommand,
    ModifyDBSnapshotCommand: ModifyDBSnapshotCommand,
    ModifyDBSnapshotAttributeCommand: ModifyDBSnapshotAttributeCommand,
    ModifyDBSubnetGroupCommand: ModifyDBSubnetGroupCommand,
    ModifyEventSubscriptionCommand: ModifyEventSubscriptionCommand,
    ModifyGlobalClusterCommand: ModifyGlobalClusterCommand,
    ModifyIntegrationCommand: ModifyIntegrationCommand,
    ModifyOptionGroupCommand: ModifyOptionGroupCommand,
    ModifyTenantDatabaseCommand: ModifyTenantDatabaseCommand,
    PromoteReadReplicaCommand: PromoteReadReplicaCommand,
    PromoteReadReplicaDBClusterCommand: PromoteReadReplicaDBClusterCommand,
    PurchaseReservedDBInstancesOfferingCommand: PurchaseReservedDBInstancesOfferingCommand,
    RebootDBClusterCommand: RebootDBClusterCommand,
    RebootDBInstanceCommand: RebootDBInstanceCommand,
    RebootDBShardGroupCommand: RebootDBShardGroupCommand,
    RegisterDBProxyTargetsCommand: RegisterDBProxyTargetsCommand,
    RemoveFromGlobalClusterCommand: RemoveFromGlobalClusterCommand,
    RemoveRoleFromDBClusterCommand: RemoveRoleFromDBClusterCommand,
    RemoveRoleFromDBInstanceCommand: RemoveRoleFromDBInstanceCommand,
    RemoveSourceIdentifierFromSubscriptionCommand: RemoveSourceIdentifierFromSubscriptionCommand,
    RemoveTagsFromResourceCommand: RemoveTagsFromResourceCommand,
    ResetDBClusterParameterGroupCommand: ResetDBClusterParameterGroupCommand,
    ResetDBParameterGroupCommand: ResetDBParameterGroupCommand,
    RestoreDBClusterFromS3Command: RestoreDBClusterFromS3Command,
    RestoreDBClusterFromSnapshotCommand: RestoreDBClusterFromSnapshotCommand,
    RestoreDBClusterToPointInTimeCommand: RestoreDBClusterToPointInTimeCommand,
    RestoreDBInstanceFromDBSnapshotCommand: RestoreDBInstanceFromDBSnapshotCommand,
    RestoreDBInstanceFromS3Command: RestoreDBInstanceFromS3Command,
    RestoreDBInstanceToPointInTimeCommand: RestoreDBInstanceToPointInTimeCommand,
    RevokeDBSecurityGroupIngressCommand: RevokeDBSecurityGroupIngressCommand,
    StartActivityStreamCommand: StartActivityStreamCommand,
    StartDBClusterCommand: StartDBClusterCommand,
    StartDBInstanceCommand: StartDBInstanceCommand,
    StartDBInstanceAutomatedBackupsReplicationCommand: StartDBInstanceAutomatedBackupsReplicationCommand,
    StartExportTaskCommand: StartExportTaskCommand,
    StopActivityStreamCommand: StopActivityStreamCommand,
    StopDBClusterCommand: StopDBClusterCommand,
    StopDBInstanceCommand: StopDBInstanceCommand,
    StopDBInstanceAutomatedBackupsReplicationCommand: StopDBInstanceAutomatedBackupsReplicationCommand,
    SwitchoverBlueGreenDeploymentCommand: SwitchoverBlueGreenDeploymentCommand,
    SwitchoverGlobalClusterCommand: SwitchoverGlobalClusterCommand,
    SwitchoverReadReplicaCommand: SwitchoverReadReplicaCommand,
};
const paginators = {
    paginateDescribeBlueGreenDeployments: paginateDescribeBlueGreenDeployments,
    paginateDescribeCertificates: paginateDescribeCertificates,
    paginateDescribeDBCapacityReservations: paginateDescribeDBCapacityReservations,
    paginateDescribeDBClusterAutomatedBackups: paginateDescribeDBClusterAutomatedBackups,
    paginateDescribeDBClusterBacktracks: paginateDescribeDBClusterBacktracks,
    paginateDescribeDBClusterEndpoints: paginateDescribeDBClusterEndpoints,
    paginateDescribeDBClusterParameterGroups: paginateDescribeDBClusterParameterGroups,
    paginateDescribeDBClusterParameters: paginateDescribeDBClusterParameters,
    paginateDescribeDBClusters: paginateDescribeDBClusters,
    paginateDescribeDBClusterSnapshots: paginateDescribeDBClusterSnapshots,
    paginateDescribeDBEngineVersions: paginateDescribeDBEngineVersions,
    paginateDescribeDBInstanceAutomatedBackups: paginateDescribeDBInstanceAutomatedBackups,
    paginateDescribeDBInstances: paginateDescribeDBInstances,
    paginateDescribeDBLogFiles: paginateDescribeDBLogFiles,
    paginateDescribeDBMajorEngineVersions: paginateDescribeDBMajorEngineVersions,
    paginateDescribeDBParameterGroups: paginateDescribeDBParameterGroups,
    paginateDescribeDBParameters: paginateDescribeDBParameters,
    paginateDescribeDBProxies: paginateDescribeDBProxies,
    paginateDescribeDBProxyEndpoints: paginateDescribeDBProxyEndpoints,
    paginateDescribeDBProxyTargetGroups: paginateDescribeDBProxyTargetGroups,
    paginateDescribeDBProxyTargets: paginateDescribeDBProxyTargets,
    paginateDescribeDBRecommendations: paginateDescribeDBRecommendations,
    paginateDescribeDBSecurityGroups: paginateDescribeDBSecurityGroups,
    paginateDescribeDBSnapshots: paginateDescribeDBSnapshots,
    paginateDescribeDBSnapshotTenantDatabases: paginateDescribeDBSnapshotTenantDatabases,
    paginateDescribeDBSubnetGroups: paginateDescribeDBSubnetGroups,
    paginateDescribeEngineDefaultClusterParameters: paginateDescribeEngineDefaultClusterParameters,
    paginateDescribeEngineDefaultParameters: paginateDescribeEngineDefaultParameters,
    paginateDescribeEvents: paginateDescribeEvents,
    paginateDescribeEventSubscriptions: paginateDescribeEventSubscriptions,
    paginateDescribeExportTasks: paginateDescribeExportTasks,
    paginateDescribeGlobalClusters: paginateDescribeGlobalClusters,
    paginateDescribeIntegrations: paginateDescribeIntegrations,
    paginateDescribeOptionGroupOptions: paginateDescribeOptionGroupOptions,
    paginateDescribeOptionGroups: paginateDescribeOptionGroups,
    paginateDescribeOrderableDBInstanceOptions: paginateDescribeOrderableDBInstanceOptions,
    paginateDescribePendingMaintenanceActions: paginateDescribePendingMaintenanceActions,
    paginateDescribeReservedDBInstances: paginateDescribeReservedDBInstances,
    paginateDescribeReservedDBInstancesOfferings: paginateDescribeReservedDBInstancesOfferings,
    paginateDescribeServerlessV2PlatformVersions: paginateDescribeServerlessV2PlatformVersions,
    paginateDescribeSourceRegions: paginateDescribeSourceRegions,
    paginateDescribeTenantDatabases: paginateDescribeTenantDatabases,
    paginateDownloadDBLogFilePortion: paginateDownloadDBLogFilePortion,
};
const waiters = {
    waitUntilDBClusterAvailable: waitUntilDBClusterAvailable,
    waitUntilDBClusterDeleted: waitUntilDBClusterDeleted,
    waitUntilDBClusterSnapshotAvailable: waitUntilDBClusterSnapshotAvailable,
    waitUntilDBClusterSnapshotDeleted: waitUntilDBClusterSnapshotDeleted,
    waitUntilDBInstanceAvailable: waitUntilDBInstanceAvailable,
    waitUntilDBInstanceDeleted: waitUntilDBInstanceDeleted,
    waitUntilDBSnapshotAvailable: waitUntilDBSnapshotAvailable,
    waitUntilDBSnapshotDeleted: waitUntilDBSnapshotDeleted,
    waitUntilTenantDatabaseAvailable: waitUntilTenantDatabaseAvailable,
    waitUntilTenantDatabaseDeleted: waitUntilTenantDatabaseDeleted,
};
class RDS extends RDSClient {
}
(0,submodules_client.createAggregatedClient)(commands, RDS, { paginators, waiters });

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/commands/index.js









































































































































































;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/pagination/index.js













































;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/waiters/index.js











;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/models/enums.js
const ActivityStreamMode = {
    async: "async",
    sync: "sync",
};
const ActivityStreamPolicyStatus = {
    locked: "locked",
    locking_policy: "locking-policy",
    unlocked: "unlocked",
    unlocking_policy: "unlocking-policy",
};
const ActivityStreamStatus = {
    started: "started",
    starting: "starting",
    stopped: "stopped",
    stopping: "stopping",
};
const DBCapacityReservationState = {
    active: "active",
    assessing: "assessing",
    cancelled: "cancelled",
    delayed: "delayed",
    expired: "expired",
    failed: "failed",
    pending: "pending",
    scheduled: "scheduled",
    unsupported: "unsupported",
};
const ExportSourceType = {
    CLUSTER: "CLUSTER",
    SNAPSHOT: "SNAPSHOT",
};
const StorageEncryptionType = {
    CMK: "sse-kms",
    SSE: "sse-rds",
    UNENCRYPTED: "none",
};
const ClusterScalabilityType = {
    LIMITLESS: "limitless",
    STANDARD: "standard",
};
const DatabaseInsightsMode = {
    ADVANCED: "advanced",
    STANDARD: "standard",
};
const MasterUserAuthenticationType = {
    IAM_DB_AUTH: "iam-db-auth",
    PASSWORD: "password",
};
const ReplicaMode = {
    MOUNTED: "mounted",
    OPEN_READ_ONLY: "open-read-only",
};
const WriteForwardingStatus = {
    DISABLED: "disabled",
    DISABLING: "disabling",
    ENABLED: "enabled",
    ENABLING: "enabling",
    UNKNOWN: "unknown",
};
const LimitlessDatabaseStatus = {
    ACTIVE: "active",
    DISABLED: "disabled",
    DISABLING: "disabling",
    ENABLED: "enabled",
    ENABLING: "enabling",
    ERROR: "error",
    MODIFYING_MAX_CAPACITY: "modifying-max-capacity",
    NOT_IN_USE: "not-in-use",
};
const LocalWriteForwardingStatus = {
    DISABLED: "disabled",
    DISABLING: "disabling",
    ENABLED: "enabled",
    ENABLING: "enabling",
    REQUESTED: "requested",
};
const UpgradeRolloutOrder = {
    FIRST: "first",
    LAST: "last",
    SECOND: "second",
};
const AutomationMode = {
    ALL_PAUSED: "all-paused",
    FULL: "full",
};
const AuthScheme = {
    SECRETS: "SECRETS",
};
const ClientPasswordAuthType = {
    MYSQL_CACHING_SHA2_PASSWORD: "MYSQL_CACHING_SHA2_PASSWORD",
    MYSQL_NATIVE_PASSWORD: "MYSQL_NATIVE_PASSWORD",
    POSTGRES_MD5: "POSTGRES_MD5",
    POSTGRES_SCRAM_SHA_256: "POSTGRES_SCRAM_SHA_256",
    SQL_SERVER_AUTHENTICATION: "SQL_SERVER_AUTHENTICATION",
};
const IAMAuthMode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    REQUIRED: "REQUIRED",
};
const DefaultAuthScheme = {
    IAM_AUTH: "IAM_AUTH",
    NONE: "NONE",
};
const EndpointNetworkType = {
    DUAL: "DUAL",
    IPV4: "IPV4",
    IPV6: "IPV6",
};
const EngineFamily = {
    MYSQL: "MYSQL",
    POSTGRESQL: "POSTGRESQL",
    SQLSERVER: "SQLSERVER",
};
const TargetConnectionNetworkType = {
    IPV4: "IPV4",
    IPV6: "IPV6",
};
const DBProxyStatus = {
    AVAILABLE: "available",
    CREATING: "creating",
    DELETING: "deleting",
    INCOMPATIBLE_NETWORK: "incompatible-network",
    INSUFFICIENT_RESOURCE_LIMITS: "insufficient-resource-limits",
    MODIFYING: "modifying",
    REACTIVATING: "reactivating",
    SUSPENDED: "suspended",
    SUSPENDING: "suspending",
};
const DBProxyEndpointTargetRole = {
    READ_ONLY: "READ_ONLY",
    READ_WRITE: "READ_WRITE",
};
const DBProxyEndpointStatus = {
    AVAILABLE: "available",
    CREATING: "creating",
    DELETING: "deleting",
    INCOMPATIBLE_NETWORK: "incompatible-network",
    INSUFFICIENT_RESOURCE_LIMITS: "insufficient-resource-limits",
    MODIFYING: "modifying",
};
const FailoverStatus = {
    CANCELLING: "cancelling",
    FAILING_OVER: "failing-over",
    PENDING: "pending",
};
const GlobalClusterMemberSynchronizationStatus = {
    CONNECTED: "connected",
    PENDING_RESYNC: "pending-resync",
};
const IntegrationStatus = {
    ACTIVE: "active",
    CREATING: "creating",
    DELETING: "deleting",
    FAILED: "failed",
    MODIFYING: "modifying",
    NEEDS_ATTENTION: "needs_attention",
    SYNCING: "syncing",
};
const ApplyMethod = {
    immediate: "immediate",
    pending_reboot: "pending-reboot",
};
const LifecycleSupportName = {
    OPEN_SOURCE_RDS_EXTENDED_SUPPORT: "open-source-rds-extended-support",
    OPEN_SOURCE_RDS_STANDARD_SUPPORT: "open-source-rds-standard-support",
};
const TargetRole = {
    READ_ONLY: "READ_ONLY",
    READ_WRITE: "READ_WRITE",
    UNKNOWN: "UNKNOWN",
};
const TargetHealthReason = {
    AUTH_FAILURE: "AUTH_FAILURE",
    CONNECTION_FAILED: "CONNECTION_FAILED",
    INVALID_REPLICATION_STATE: "INVALID_REPLICATION_STATE",
    PENDING_PROXY_CAPACITY: "PENDING_PROXY_CAPACITY",
    PROMOTED: "PROMOTED",
    UNREACHABLE: "UNREACHABLE",
};
const TargetState = {
    available: "AVAILABLE",
    registering: "REGISTERING",
    unavailable: "UNAVAILABLE",
    unused: "UNUSED",
};
const TargetType = {
    RDS_INSTANCE: "RDS_INSTANCE",
    RDS_SERVERLESS_ENDPOINT: "RDS_SERVERLESS_ENDPOINT",
    TRACKED_CLUSTER: "TRACKED_CLUSTER",
};
const SourceType = {
    blue_green_deployment: "blue-green-deployment",
    custom_engine_version: "custom-engine-version",
    db_cluster: "db-cluster",
    db_cluster_snapshot: "db-cluster-snapshot",
    db_instance: "db-instance",
    db_parameter_group: "db-parameter-group",
    db_proxy: "db-proxy",
    db_security_group: "db-security-group",
    db_shard_group: "db-shard-group",
    db_snapshot: "db-snapshot",
    zero_etl: "zero-etl",
};
const AuditPolicyState = {
    LOCKED_POLICY: "locked",
    UNLOCKED_POLICY: "unlocked",
};
const CustomEngineVersionStatus = {
    available: "available",
    inactive: "inactive",
    inactive_except_restore: "inactive-except-restore",
};
const EndDateType = {
    limited: "limited",
    unlimited: "unlimited",
};

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/models/errors.js
var errors = __webpack_require__(8052);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/models/RDSServiceException.js
var RDSServiceException = __webpack_require__(2968);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-rds/dist-es/index.js














/***/ })

};
